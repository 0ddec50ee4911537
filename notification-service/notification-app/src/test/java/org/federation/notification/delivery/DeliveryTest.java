package org.federation.notification.delivery;

import org.federation.notification.delivery.domain.WebhookSignature;

import org.federation.notification.delivery.application.Deliveries;

import org.federation.notification.delivery.application.Contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.Fixtures;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.Smtp;
import org.federation.notification.escalation.infrastructure.Escalations;
import org.federation.notification.escalation.domain.Escalation;
import org.federation.notification.escalation.domain.EscalationTiming;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/** Deliveries beyond the inbox: e-mail to a real SMTP server, webhooks retried with backoff, a live stream. */
@NotificationServiceTest
class DeliveryTest extends EmbeddedBackboneProperties {

    @Autowired
    Inboxes inboxes;
    @Autowired
    Contacts contacts;
    @Autowired
    Escalations escalations;

    HttpServer hooks;
    final AtomicInteger calls = new AtomicInteger();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> signatures = new CopyOnWriteArrayList<>();
    String person;
    final CountDownLatch hanging = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final ExecutorService receivers = Executors.newCachedThreadPool();

    @BeforeEach
    void aWebhookThatFailsTwiceThenAccepts() throws IOException {
        person = "66" + Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000);
        hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/flaky", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            signatures.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            exchange.sendResponseHeaders(calls.incrementAndGet() <= 2 ? 503 : 204, -1);
            exchange.close();
        });
        hooks.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        hooks.createContext("/hangs", exchange -> {
            hanging.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hooks.createContext("/accepts", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        // a receiver that hangs must not hold up the others
        hooks.setExecutor(receivers);
        hooks.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        hooks.stop(0);
        receivers.shutdownNow();
    }

    private String hook(String path) {
        return "http://127.0.0.1:" + hooks.getAddress().getPort() + path;
    }

    private Notice post(String title) {
        Notice notice = new Notice(Notice.idFor("test:" + UUID.randomUUID(), "person:" + person), "person:" + person,
                "direct", title, "Bring your club's banner. 带上社团旗帜。", "direct-notice:test", Instant.now());
        assertThat(inboxes.post(notice, "system")).isTrue();
        return notice;
    }

    @Test
    void aPersonSignedInGetsNoticesByEMailAtTheirTokensAddressAndByWebhookRetriedUntilAccepted() throws Exception {
        HttpProbe self = TestTokens.as(app(), person, List.of("STUDENT"));
        JsonNode seeded = self.get("/api/contacts/person:" + person).json();
        assertThat(seeded.get("email").asString()).isEqualTo(person + "@stu.example.edu");
        HttpProbe.Response changed = self.send(new HttpCall("PUT", "/api/contacts/person:" + person, "application/json",
                "{\"email\":\"" + person + "@stu.example.edu\",\"emailEnabled\":true,\"webhooks\":[\"" + hook("/flaky") + "\"]}"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        String secret = changed.json().get("newWebhookSecrets").get(hook("/flaky")).asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(self.get("/api/contacts/person:" + person).body()).as("shown once").doesNotContain(secret);
        HttpProbe.Response again = self.send(new HttpCall("PUT", "/api/contacts/person:" + person, "application/json",
                "{\"email\":\"" + person + "@stu.example.edu\",\"emailEnabled\":true,\"webhooks\":[\"" + hook("/flaky") + "\"]}"));
        assertThat(again.json().get("newWebhookSecrets").size()).as("the registered webhook keeps its secret").isZero();

        Notice notice = post("Showcase festival 社团风采节");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Stream.of(Smtp.get().getReceivedMessages())
                .anyMatch(m -> subject(m).equals("[Federation] Showcase festival 社团风采节")));
        MimeMessage mail = Stream.of(Smtp.get().getReceivedMessages())
                .filter(m -> subject(m).equals("[Federation] Showcase festival 社团风采节")).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(person + "@stu.example.edu");
        assertThat(mail.getContent().toString()).contains("带上社团旗帜");

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(self, notice).valueStream()
                .anyMatch(d -> d.get("channel").asString().equals("webhook") && d.get("status").asString().equals("delivered")));
        JsonNode webhook = deliveries(self, notice).valueStream().filter(d -> d.get("channel").asString().equals("webhook"))
                .findFirst().orElseThrow();
        assertThat(webhook.get("attempts").asInt()).isEqualTo(3);
        assertThat(webhook.get("history").valueStream().map(a -> a.get("outcome").asString()))
                .containsExactly("error", "error", "delivered");
        assertThat(webhook.at("/history/0/detail").asString()).contains("503");
        Instant first = Instant.parse(webhook.at("/history/0/at").asString());
        Instant second = Instant.parse(webhook.at("/history/1/at").asString());
        Instant third = Instant.parse(webhook.at("/history/2/at").asString());
        assertThat(Duration.between(second, third)).as("the wait doubles").isGreaterThan(Duration.between(first, second));
        assertThat(bodies.get(0)).contains(notice.id()).contains("Showcase festival");
        assertThat(calls.get()).isEqualTo(3);
        long now = Instant.now().getEpochSecond();
        assertThat(WebhookSignature.verify(signatures.get(2), secret, bodies.get(2), now, 300)).as("signed").isTrue();
        assertThat(WebhookSignature.verify(signatures.get(2), secret, bodies.get(2).replace("Showcase", "Showcaze"), now, 300))
                .as("a changed body fails the signature").isFalse();

        HttpProbe.Response rotated = self.postJson("/api/contacts/person:" + person + "/webhook-secrets",
                "{\"webhook\":\"" + hook("/flaky") + "\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newSecret = rotated.json().get("secret").asString();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
        Notice next = post("Club exchange conference");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bodies.stream().anyMatch(b -> b.contains(next.id())));
        int at = bodies.size() - 1;
        assertThat(WebhookSignature.verify(signatures.get(at), newSecret, bodies.get(at), Instant.now().getEpochSecond(),
                300)).as("signed with the new secret").isTrue();
        assertThat(WebhookSignature.verify(signatures.get(at), secret, bodies.get(at), Instant.now().getEpochSecond(),
                300)).as("the old secret signs nothing any more").isFalse();
        assertThat(self.postJson("/api/contacts/person:" + person + "/webhook-secrets",
                "{\"webhook\":\"https://hooks.example.edu/not-registered\"}").status()).isEqualTo(422);
        assertThat(self.postJson("/api/contacts/person:" + person + "/webhook-secrets", "{}").status()).isEqualTo(400);
        assertThat(TestTokens.as(app(), "6600000001", List.of("STUDENT")).postJson("/api/contacts/person:" + person
                + "/webhook-secrets", "{\"webhook\":\"" + hook("/flaky") + "\"}").status()).isEqualTo(403);
    }

    @Test
    void aWebhookThatHangsDelaysNeitherAnEscalationDueAtTheSameTimeNorAnotherPersonsDelivery() throws Exception {
        HttpProbe self = TestTokens.as(app(), person, List.of("STUDENT"));
        assertThat(self.send(new HttpCall("PUT", "/api/contacts/person:" + person, "application/json",
                "{\"emailEnabled\":false,\"webhooks\":[\"" + hook("/hangs") + "\"]}")).status()).isEqualTo(200);
        String other = "67" + Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000);
        HttpProbe otherSelf = TestTokens.as(app(), other, List.of("STUDENT"));
        assertThat(otherSelf.send(new HttpCall("PUT", "/api/contacts/person:" + other, "application/json",
                "{\"emailEnabled\":false,\"webhooks\":[\"" + hook("/accepts") + "\"]}")).status()).isEqualTo(200);

        post("Held up at the receiver");
        assertThat(hanging.await(20, TimeUnit.SECONDS)).as("the webhook is being called, and hangs").isTrue();
        Instant hangStarted = Instant.now();

        // an escalation due now, and another person's notice, while that call hangs (the client gives up after 10 s)
        String directNotice = "dn-hang-" + UUID.randomUUID();
        escalations.open(Escalation.open(directNotice, "organization", "Bring the banner", "person:" + person, null,
                List.of("person:" + person), Instant.now().minusSeconds(1), new EscalationTiming(Duration.ZERO, Duration.ofDays(1))));
        Notice othersNotice = new Notice(Notice.idFor("test:" + UUID.randomUUID(), "person:" + other), "person:" + other,
                "direct", "Not held up", "b", "direct-notice:test", Instant.now());
        inboxes.post(othersNotice, "system");

        Awaitility.await().atMost(Duration.ofSeconds(7)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(escalations.find(Escalation.idOf(directNotice, "person:" + person)).orElseThrow().status())
                    .as("the escalation is taken").isNotEqualTo(Escalation.WAITING);
            assertThat(bodies).as("the other person's webhook is called").anyMatch(b -> b.contains(othersNotice.id()));
        });
        assertThat(hanging.getCount()).isZero();
        assertThat(release.getCount()).as("while the first webhook still hangs").isEqualTo(1);
        assertThat(Duration.between(hangStarted, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aWebhookThatNeverAnswersIsGivenUpAfterTheLastAttemptEachRecorded() {
        HttpProbe self = TestTokens.as(app(), person, List.of("STUDENT"));
        self.send(new HttpCall("PUT", "/api/contacts/person:" + person, "application/json",
                "{\"emailEnabled\":false,\"webhooks\":[\"" + hook("/down") + "\"]}"));
        Notice notice = post("Never delivered");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                deliveries(self, notice).valueStream().anyMatch(d -> d.get("status").asString().equals("failed")));
        JsonNode failed = deliveries(self, notice).get(0);
        assertThat(failed.get("attempts").asInt()).isEqualTo(4);
        assertThat(failed.get("history").size()).isEqualTo(4);
        assertThat(deliveries(self, notice).size()).as("e-mail turned off").isEqualTo(1);
        assertThat(self.send(new HttpCall("PUT", "/api/contacts/person:" + person, "application/json",
                "{\"emailEnabled\":false,\"webhooks\":[\"ftp://example.edu/x\"]}")).status()).isEqualTo(422);
    }

    @Test
    void webhooksIntoTheFederationsOwnNetworkAreRefusedAtRegistrationAndAtDelivery() {
        HttpProbe self = TestTokens.as(app(), person, List.of("STUDENT"));
        for (String internal : List.of("http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/hook",
                "http://localhost:" + hooks.getAddress().getPort() + "/flaky", "http://[::1]/hook", "http://0.0.0.0/hook",
                "https://no-such-host.invalid/hook", "file:///etc/passwd")) {
            HttpProbe.Response refused = self.send(new HttpCall("PUT", "/api/contacts/person:" + person, "application/json",
                    "{\"emailEnabled\":false,\"webhooks\":[\"" + internal + "\"]}"));
            assertThat(refused.status()).as(internal + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(self.get("/api/contacts/person:" + person).json().get("webhooks").size()).as("nothing stored").isZero();

        // a webhook stored before the guard existed (or whose name now resolves inside) is refused when delivering
        contacts.change("person:" + person, null, false, List.of("http://192.168.1.20/hook"), "test");
        Notice notice = post("Never sent inside");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                deliveries(self, notice).valueStream().anyMatch(d -> d.get("status").asString().equals("failed")));
        JsonNode failed = deliveries(self, notice).get(0);
        assertThat(failed.get("attempts").asInt()).as("no retry can help").isEqualTo(1);
        assertThat(failed.at("/history/0/detail").asString()).startsWith("refused").contains("private address");
    }

    @Test
    void theLiveStreamShowsANewNoticeAtOnce() throws Exception {
        String token = TestTokens.tokenFor(person, List.of("STUDENT"));
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/inbox/stream?recipient=person:" + person + "&timeoutMs=10000"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> stream = response.get(10, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> stream.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("event:unread"));
        // the instance's own consumer of notification.events starts at the latest offset once it is assigned:
        // until a first notice comes through, it may not be reading yet
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            post("Warm-up " + person);
            return lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("Warm-up " + person));
        });
        Notice notice = post("Live " + person);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains("Live " + person)));
        assertThat(lines).contains("event:notice", "id:" + notice.id());
    }

    private JsonNode deliveries(HttpProbe self, Notice notice) {
        return self.get("/api/inbox/" + notice.id() + "/deliveries").json();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
