package org.federation.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.federation.platform.web.RequestBodyLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockPart;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * The filter and its store against the embedded Mongo-wire store, with a clock the test moves:
 * claims, replays, refusals, leases and expiry, and the kinds of body it must hand on intact.
 */
class IdempotencyFilterTest {

    static MongoServer server;
    static MongoClient client;
    MongoTemplate mongo;
    MovableClock clock;
    IdempotencyFilter filter;
    /** What the handler saw, one entry per time it ran. */
    List<String> ran;
    /** What the handler answers next. */
    int answer;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        mongo = new MongoTemplate(client, "idempotency-test");
        mongo.dropCollection(IdempotencyStore.COLLECTION);
        clock = new MovableClock(Instant.parse("2026-11-23T10:00:00Z"));
        filter = new IdempotencyFilter(new IdempotencyStore(mongo, clock, Duration.ofSeconds(60), Duration.ofHours(24)));
        ran = new ArrayList<>();
        answer = 201;
        signIn("2099000003");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static void signIn(String subject) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(subject, null, "STUDENT"));
    }

    /** Records the body it read and answers {@link #answer} with a body naming the run. */
    final HttpServlet handler = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ran.add(request.getMethod() + " " + request.getRequestURI() + " " + body);
            response.setStatus(answer);
            response.setContentType("application/json");
            if (answer == 201) {
                response.setHeader("Location", "/api/things/" + ran.size());
            }
            response.getOutputStream().write(("{\"run\":" + ran.size() + "}").getBytes(StandardCharsets.UTF_8));
        }
    };

    MockHttpServletRequest post(String key, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request.addHeader(IdempotencyKeys.HEADER, key);
        }
        return request;
    }

    MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(handler));
        return response;
    }

    Document record(String subject, String key) {
        return mongo.findById(IdempotencyKeys.recordId(subject, key), Document.class, IdempotencyStore.COLLECTION);
    }

    @Test
    void aRetryGetsTheFirstResponseWithoutRunningAgain() throws Exception {
        MockHttpServletResponse first = send(post("k-1", "{\"a\":1}"));
        MockHttpServletResponse again = send(post("k-1", "{\"a\":1}"));

        assertThat(ran).containsExactly("POST /api/things {\"a\":1}");
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(first.getHeader(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(again.getStatus()).isEqualTo(201);
        assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("{\"run\":1}");
        assertThat(again.getContentType()).isEqualTo("application/json");
        assertThat(again.getHeader("Location")).isEqualTo("/api/things/1");
        assertThat(again.getHeader(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");

        Document stored = record("2099000003", "k-1");
        assertThat(stored.getString("state")).isEqualTo("completed");
        assertThat(stored.getString("caller")).isEqualTo("2099000003");
        assertThat(stored.getString("key")).isEqualTo("k-1");
        assertThat(stored.getString("method")).isEqualTo("POST");
        assertThat(stored.getString("path")).isEqualTo("/api/things");
        assertThat(stored.getDate("expiresAt").toInstant()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedWith422() throws Exception {
        send(post("k-2", "{\"a\":1}"));
        MockHttpServletResponse other = send(post("k-2", "{\"a\":2}"));

        assertThat(ran).hasSize(1);
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentType()).startsWith("application/problem+json");
        assertThat(other.getContentAsString()).contains("urn:federation:problem:idempotency-key-reused",
                "\"status\":422", "POST /api/things");
    }

    @Test
    void keysOfDifferentCallersAreIndependent() throws Exception {
        send(post("shared", "{\"a\":1}"));
        signIn("2099000001");
        MockHttpServletResponse other = send(post("shared", "{\"a\":1}"));
        SecurityContextHolder.clearContext();
        MockHttpServletResponse anonymous = send(post("shared", "{\"a\":1}"));

        assertThat(ran).hasSize(3);
        assertThat(other.getHeader(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(anonymous.getStatus()).isEqualTo(201);
        assertThat(record(null, "shared").getString("caller")).isEqualTo("anonymous");
    }

    @Test
    void aRefusedRequestReleasesItsKeySoTheCorrectedOneRuns() throws Exception {
        answer = 409;
        MockHttpServletResponse refused = send(post("k-3", "{\"a\":\"taken\"}"));
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(record("2099000003", "k-3")).isNull();

        answer = 201;
        MockHttpServletResponse corrected = send(post("k-3", "{\"a\":\"free\"}"));

        assertThat(corrected.getStatus()).isEqualTo(201);
        assertThat(ran).hasSize(2);
    }

    @Test
    void aHandlerThatThrowsReleasesTheKey() throws Exception {
        MockHttpServletRequest request = post("k-4", "{}");
        FilterChain failing = (req, res) -> {
            throw new ServletException("boom");
        };
        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), failing))
                .isInstanceOf(ServletException.class);
        assertThat(record("2099000003", "k-4")).isNull();
    }

    @Test
    void whileTheFirstRunsARetryGets409ThenAfterTheLeaseItTakesOver() throws Exception {
        MockHttpServletResponse[] during = new MockHttpServletResponse[1];
        FilterChain slow = (req, res) -> {
            // a retry arrives while this request is still being handled
            during[0] = new MockHttpServletResponse();
            try {
                filter.doFilter(post("k-5", "{}"), during[0], new MockFilterChain(handler));
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
            ((HttpServletResponse) res).setStatus(201);
        };
        filter.doFilter(post("k-5", "{}"), new MockHttpServletResponse(), slow);

        assertThat(during[0].getStatus()).isEqualTo(409);
        assertThat(during[0].getHeader("Retry-After")).isEqualTo("1");
        assertThat(during[0].getContentAsString()).contains("urn:federation:problem:idempotency-key-in-progress");
        assertThat(ran).isEmpty();

        // an instance died mid-request: its claim stays until the lease expires
        mongo.getCollection(IdempotencyStore.COLLECTION).insertOne(new Document("_id", IdempotencyKeys.recordId("2099000003", "k-6"))
                .append("caller", "2099000003").append("key", "k-6").append("method", "POST").append("path", "/api/things")
                .append("fingerprint", IdempotencyKeys.fingerprint("POST", "/api/things", null, "application/json",
                        "{}".getBytes(StandardCharsets.UTF_8)))
                .append("state", "in-progress").append("token", "dead-instance")
                .append("createdAt", Date.from(clock.instant())).append("expiresAt", Date.from(clock.instant().plusSeconds(60))));
        assertThat(send(post("k-6", "{}")).getStatus()).isEqualTo(409);
        clock.advance(Duration.ofSeconds(61));
        MockHttpServletResponse takenOver = send(post("k-6", "{}"));

        assertThat(takenOver.getStatus()).isEqualTo(201);
        assertThat(ran).hasSize(1);
        assertThat(record("2099000003", "k-6").getString("state")).isEqualTo("completed");
        assertThat(record("2099000003", "k-6").getString("token")).isNotEqualTo("dead-instance");
    }

    @Test
    void aCompletedKeyPastItsRetentionIsUsedAfresh() throws Exception {
        send(post("k-7", "{\"a\":1}"));
        clock.advance(Duration.ofHours(24).plusSeconds(1));

        MockHttpServletResponse later = send(post("k-7", "{\"a\":2}"));

        assertThat(later.getStatus()).isEqualTo(201);
        assertThat(later.getHeader(IdempotencyKeys.REPLAYED_HEADER)).isNull();
        assertThat(ran).hasSize(2);
        assertThat(send(post("k-7", "{\"a\":2}")).getContentAsString()).isEqualTo("{\"run\":2}");
    }

    @Test
    void invalidKeysAreRefusedWith400AndNothingRuns() throws Exception {
        for (String key : List.of("", "x".repeat(256), "clé", "tab\there")) {
            MockHttpServletResponse refused = send(post(key, "{}"));
            assertThat(refused.getStatus()).as(key).isEqualTo(400);
            assertThat(refused.getContentType()).startsWith("application/problem+json");
            assertThat(refused.getContentAsString()).contains("urn:federation:problem:validation", "Idempotency-Key",
                    "\"errors\"");
        }
        MockHttpServletRequest twice = post("a", "{}");
        twice.addHeader(IdempotencyKeys.HEADER, "b");
        assertThat(send(twice).getStatus()).isEqualTo(400);
        assertThat(ran).isEmpty();
        assertThat(mongo.getCollection(IdempotencyStore.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void requestsWithoutAKeyAndQueriesAreUntouched() throws Exception {
        send(post(null, "{}"));
        send(post(null, "{}"));
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/things");
        get.addHeader(IdempotencyKeys.HEADER, "");
        MockHttpServletResponse answered = send(get);

        assertThat(ran).hasSize(3);
        assertThat(answered.getStatus()).isEqualTo(201);
        assertThat(mongo.getCollection(IdempotencyStore.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void theHandlerReadsTheBodyThroughItsReaderToo() throws Exception {
        MockHttpServletRequest request = post("k-8", "{\"名\":\"摄影\"}");
        request.setCharacterEncoding("UTF-8");
        String[] read = new String[1];
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            read[0] = req.getReader().readLine();
            ((HttpServletResponse) res).setStatus(200);
        });
        assertThat(read[0]).isEqualTo("{\"名\":\"摄影\"}");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        MockHttpServletRequest request = post("k-9", "x".repeat(100));
        request.removeHeader("Content-Length");
        MockHttpServletResponse response = new MockHttpServletResponse();
        // chunked (no declared length): the limit counts while the idempotency filter reads
        new RequestBodyLimit(DataSize.ofBytes(10)).doFilter(chunked(request), response,
                (req, res) -> filter.doFilter(req, res, new MockFilterChain(handler)));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("urn:federation:problem:too-large");
        assertThat(ran).isEmpty();
        assertThat(record("2099000003", "k-9")).isNull();
    }

    @Test
    void aMultipartUploadIsFingerprintedByItsPartsNotItsBoundary() throws Exception {
        List<String> seen = new ArrayList<>();
        FilterChain upload = (req, res) -> {
            try {
                for (Part part : ((HttpServletRequest) req).getParts()) {
                    seen.add(part.getName() + "=" + new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
            ((HttpServletResponse) res).setStatus(200);
        };
        filter.doFilter(multipart("boundary-1", "a,b\n1,2"), new MockHttpServletResponse(), upload);
        MockHttpServletResponse retry = new MockHttpServletResponse();
        filter.doFilter(multipart("boundary-2", "a,b\n1,2"), retry, upload);
        MockHttpServletResponse other = new MockHttpServletResponse();
        filter.doFilter(multipart("boundary-3", "a,b\n3,4"), other, upload);

        assertThat(seen).containsExactly("file=a,b\n1,2");
        assertThat(retry.getHeader(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(other.getStatus()).isEqualTo(422);
    }

    @Test
    void anAsynchronousHandlersResponseIsKeptWhenItCompletes() throws Exception {
        MockHttpServletRequest request = post("k-10", "{}");
        request.setAsyncSupported(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain starting = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                req.startAsync(req, res);
            }
        });
        filter.doFilter(request, response, starting);
        assertThat(record("2099000003", "k-10").getString("state")).isEqualTo("in-progress");

        // the container dispatches the async result with the response the handler was given
        request.setAsyncStarted(false);
        request.setDispatcherType(DispatcherType.ASYNC);
        filter.doFilter(request, starting.getResponse(), new MockFilterChain(handler));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo("{\"run\":1}");
        assertThat(record("2099000003", "k-10").getString("state")).isEqualTo("completed");
        assertThat(send(post("k-10", "{}")).getHeader(IdempotencyKeys.REPLAYED_HEADER)).isEqualTo("true");
    }

    private MockHttpServletRequest multipart(String boundary, String csv) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things/import");
        request.setContentType("multipart/form-data; boundary=" + boundary);
        request.addHeader(IdempotencyKeys.HEADER, "upload");
        MockPart part = new MockPart("file", "things.csv", csv.getBytes(StandardCharsets.UTF_8));
        part.getHeaders().setContentType(org.springframework.http.MediaType.parseMediaType("text/csv"));
        request.addPart(part);
        return request;
    }

    private static MockHttpServletRequest chunked(MockHttpServletRequest request) {
        return new MockHttpServletRequest(request.getServletContext(), request.getMethod(), request.getRequestURI()) {
            {
                setContent(request.getContentAsByteArray());
                setContentType(request.getContentType());
                addHeader(IdempotencyKeys.HEADER, request.getHeader(IdempotencyKeys.HEADER));
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
    }

    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
