package org.federation.platform.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The public rate limit on the in-memory Mongo-wire store: two instances (two filters, each with its
 * own counter object) share one store, as two instances of a service share its database.
 */
class PublicRateLimitTest {

    private static final int LIMIT = 5;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** 15 s into a window: a refused caller is told to come back in 45 s. */
    private static final Instant START = Instant.parse("2026-03-02T10:00:15Z");

    private static MongoServer server;
    private static MongoClient client;
    private static MongoTemplate mongo;

    private final MovableClock clock = new MovableClock(START);

    @BeforeAll
    static void store() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "rate-limit-test");
    }

    @AfterAll
    static void closeStore() {
        client.close();
        server.shutdownNow();
    }

    @AfterEach
    void forget() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), PublicRateLimit.COLLECTION);
        SecurityContextHolder.clearContext();
    }

    @Test
    void theSixthAnonymousRequestFromOneAddressIsRefusedEvenWhenTheInstancesShareTheWork() throws Exception {
        PublicRateLimitFilter instanceA = filter(List.of());
        PublicRateLimitFilter instanceB = filter(List.of());

        for (int i = 0; i < LIMIT; i++) {
            assertThat(send(i % 2 == 0 ? instanceA : instanceB, anonymous("203.0.113.7")).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = send(instanceB, anonymous("203.0.113.7"));

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("45");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"type\":\"urn:federation:problem:too-many-requests\"",
                "\"status\":429");
        // another address is not held back by the first one's allowance
        assertThat(send(instanceA, anonymous("203.0.113.8")).getStatus()).isEqualTo(200);
    }

    @Test
    void theNextWindowLetsTheAddressInAgainAndTheCodeDeletesTheOldWindows() throws Exception {
        PublicRateLimitFilter instance = filter(List.of());
        for (int i = 0; i <= LIMIT; i++) {
            send(instance, anonymous("203.0.113.7"));
        }
        assertThat(send(instance, anonymous("203.0.113.7")).getStatus()).isEqualTo(429);

        clock.advance(Duration.ofSeconds(45));

        assertThat(send(instance, anonymous("203.0.113.7")).getStatus()).isEqualTo(200);
        assertThat(mongo.findAll(Document.class, PublicRateLimit.COLLECTION))
                .as("only the current window's counter is kept").singleElement()
                .satisfies(counter -> assertThat(counter.getInteger("count")).isEqualTo(1));
    }

    @Test
    void distinctClientsBehindATrustedProxyAreCountedEachOnTheirOwn() throws Exception {
        PublicRateLimitFilter instance = filter(List.of("10.0.0.0/8", "fd00::/8"));

        for (int i = 1; i <= LIMIT + 1; i++) {
            MockHttpServletRequest request = anonymous("10.1.2.3");
            // the client's own claim on the left, then what the outer proxy (also trusted) saw
            request.addHeader("X-Forwarded-For", "192.0.2.1, 198.51.100." + i + ", 10.9.9.9");
            assertThat(send(instance, request).getStatus()).as("client %d", i).isEqualTo(200);
        }
        // the one client that made them all is refused at the limit, whatever it writes on the left
        for (int i = 1; i <= LIMIT; i++) {
            MockHttpServletRequest request = anonymous("10.1.2.3");
            request.addHeader("X-Forwarded-For", "192.0.2." + i + ", 198.51.100.200");
            send(instance, request);
        }
        MockHttpServletRequest again = anonymous("10.1.2.3");
        again.addHeader("X-Forwarded-For", "192.0.2.99, 198.51.100.200");
        assertThat(send(instance, again).getStatus()).isEqualTo(429);
    }

    @Test
    void aForwardedHeaderFromAPeerThatIsNoTrustedProxyIsIgnored() throws Exception {
        PublicRateLimitFilter instance = filter(List.of("10.0.0.0/8"));

        for (int i = 1; i <= LIMIT; i++) {
            MockHttpServletRequest spoofed = anonymous("203.0.113.66");
            spoofed.addHeader("X-Forwarded-For", "198.51.100." + i);
            assertThat(send(instance, spoofed).getStatus()).isEqualTo(200);
        }
        MockHttpServletRequest spoofed = anonymous("203.0.113.66");
        spoofed.addHeader("X-Forwarded-For", "198.51.100.99");

        assertThat(send(instance, spoofed).getStatus()).isEqualTo(429);
        assertThat(mongo.findAll(Document.class, PublicRateLimit.COLLECTION)).singleElement()
                .satisfies(counter -> assertThat(counter.getString("_id")).startsWith("203.0.113.66@"));
    }

    @Test
    void signedInCallersAndEndpointsThatNeedATokenAreNotCounted() throws Exception {
        PublicRateLimitFilter instance = filter(List.of());
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(Jwt.withTokenValue("t")
                .header("alg", "RS256").subject("s-1").build(), List.of()));
        for (int i = 0; i <= LIMIT; i++) {
            assertThat(send(instance, anonymous("203.0.113.7")).getStatus()).isEqualTo(200);
        }
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("anonymous", null));
        for (int i = 0; i <= LIMIT; i++) {
            MockHttpServletRequest internal = new MockHttpServletRequest("GET", "/api/clubs/c-1/accounts");
            internal.setRemoteAddr("203.0.113.7");
            assertThat(send(instance, internal).getStatus()).isEqualTo(200);
        }
        assertThat(mongo.findAll(Document.class, PublicRateLimit.COLLECTION)).isEmpty();
    }

    @Test
    void whileTheCountersStoreDoesNotAnswerRequestsGoThroughInsteadOfFailing() throws Exception {
        MongoServer away = new MongoServer(new MemoryBackend());
        var address = away.bind();
        try (MongoClient unreachable = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(300, java.util.concurrent.TimeUnit.MILLISECONDS))
                .build())) {
            away.shutdownNow();
            PublicRateLimitFilter instance = new PublicRateLimitFilter(
                    List.of(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/clubs")),
                    new ClientAddresses(List.of()),
                    new PublicRateLimit(new MongoTemplate(unreachable, "away"), clock, new PublicRateLimitProperties(LIMIT, WINDOW)));

            assertThat(send(instance, anonymous("203.0.113.7")).getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aTrustedProxyMustBeAnAddressNotAHostName() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("ingress.example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("federation.security.trusted-proxies");
    }

    private PublicRateLimitFilter filter(List<String> trustedProxies) {
        var paths = PathPatternRequestMatcher.withDefaults();
        return new PublicRateLimitFilter(List.of(paths.matcher(HttpMethod.GET, "/api/clubs"),
                paths.matcher(HttpMethod.GET, "/api/clubs/*")), new ClientAddresses(trustedProxies),
                new PublicRateLimit(mongo, clock, new PublicRateLimitProperties(LIMIT, WINDOW)));
    }

    private static MockHttpServletRequest anonymous(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/clubs");
        request.setRemoteAddr(peer);
        return request;
    }

    private static MockHttpServletResponse send(PublicRateLimitFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(200); // reached the endpoint
        }
        return response;
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
