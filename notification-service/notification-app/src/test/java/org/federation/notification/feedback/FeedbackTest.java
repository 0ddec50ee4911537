package org.federation.notification.feedback;

import org.federation.notification.feedback.domain.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.Fixtures;
import org.federation.notification.InjectedCrash;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Anyone sends a suggestion or complaint; a department answers it; the sender follows it; public answers are listed. */
@NotificationServiceTest
class FeedbackTest extends EmbeddedBackboneProperties {

    @Autowired
    Inboxes inboxes;
    @Autowired
    RateLimits limits;
    @Autowired
    InjectedCrash crash;

    @Test
    void anInstanceThatFailsRightAfterStoringTheFeedbackStillGetsItToTheDepartmentOnce() {
        String subject = "Lights out in room 3 " + UUID.randomUUID().toString().substring(0, 6);
        String title = "New complaint: " + subject;
        crash.onceBefore(notice -> notice.title().equals(title));

        HttpProbe.Response sent = app().postJson("/api/feedback", """
                {"kind":"complaint","department":"organization","subject":"%s","text":"Since Monday."}""".formatted(subject));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(inboxes.newestFirst("department:organization", 0, 100).items()).extracting(Notice::title)
                        .as("the department hears of it, after the crash").contains(title));
        assertThat(crash.fired()).as("the crash happened").isEqualTo(1);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(inboxes.newestFirst("department:organization", 0, 100).items()).extracting(Notice::title)
                .as("once").containsOnlyOnce(title);
    }

    @Test
    void anAnonymousComplaintIsRoutedAnsweredFollowedWithItsTokenAndListedPublicly() {
        String subject = "Fee statement missing " + UUID.randomUUID().toString().substring(0, 6);
        HttpProbe.Response sent = app().postJson("/api/feedback", """
                {"kind":"complaint","department":"finance","subject":"%s","text":"Our club never saw last term's fee statement."}"""
                .formatted(subject));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String id = sent.json().at("/feedback/id").asString();
        String token = sent.json().get("followUpToken").asString();
        assertThat(token).hasSizeGreaterThan(20);
        assertThat(sent.json().at("/feedback/sender").isMissingNode()).as("anonymous").isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                inboxes.newestFirst("department:finance", 0, 100).items()).extracting(Notice::title)
                .contains("New complaint: " + subject));

        String status = "/api/feedback/" + id + "/status";
        assertThat(app().with("Follow-Up-Token", token).get(status).json().get("state").asString()).isEqualTo("received");
        assertThat(app().get(status).status()).isEqualTo(403);
        assertThat(app().with("Follow-Up-Token", "guessed").get(status).status()).isEqualTo(403);
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).get(status).status()).as("another department").isEqualTo(403);

        HttpProbe finance = Persona.FINANCE_MEMBER.on(app());
        assertThat(finance.get("/api/feedback?department=finance&state=received").json().get("items").valueStream()
                .map(f -> f.get("id").asString())).contains(id);
        HttpProbe.Response answered = finance.postJson("/api/feedback/" + id + "/answer",
                "{\"answer\":\"Published today under Statements.\",\"makePublic\":true}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(finance.postJson("/api/feedback/" + id + "/answer", "{\"answer\":\"again\",\"makePublic\":true}").status())
                .isEqualTo(409);

        JsonNode followed = app().with("Follow-Up-Token", token).get(status).json();
        assertThat(followed.get("state").asString()).isEqualTo("answered");
        assertThat(followed.get("answer").asString()).isEqualTo("Published today under Statements.");
        JsonNode published = app().get("/api/feedback/public?size=100").json().get("items").valueStream()
                .filter(f -> f.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(published.get("answer").asString()).isEqualTo("Published today under Statements.");
        assertThat(published.has("sender")).isFalse();

        try (TopicProbe events = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "notification.events")) {
            List<TopicProbe.Seen> seen = events.awaitAtLeast(s -> id.equals(s.key()), 2, Duration.ofSeconds(20));
            assertThat(seen).extracting(TopicProbe.Seen::type)
                    .containsExactly("org.federation.notification.feedback-received.v1",
                            "org.federation.notification.feedback-answered.v1");
            assertThat(seen.get(0).headers()).as("an anonymous sender").containsEntry("ce_actor", "anonymous");
            assertThat(seen.get(1).headers()).as("the department member who answered")
                    .containsEntry("ce_actor", Persona.FINANCE_MEMBER.subject());
        }
    }

    @Test
    void feedbackIsReceivedAndAnsweredInBusinessTimeAsEveryOtherNotice() {
        Duration offset = businessClock.offset();
        try {
            java.time.Instant ahead = businessClock.advance(Duration.ofDays(2));
            String subject = "Ahead " + UUID.randomUUID().toString().substring(0, 6);
            HttpProbe.Response sent = app().postJson("/api/feedback", """
                    {"kind":"suggestion","department":"publicity","subject":"%s","text":"More posters."}""".formatted(subject));
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            String id = sent.json().at("/feedback/id").asString();
            assertThat(java.time.Instant.parse(sent.json().at("/feedback/receivedAt").asString()))
                    .as("received in business time, not the real clock's").isAfterOrEqualTo(ahead);
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(inboxes.newestFirst("department:publicity", 0, 100).items())
                            .filteredOn(n -> n.title().endsWith(subject)).singleElement()
                            .extracting(Notice::postedAt).matches(at -> !at.isBefore(ahead), "posted in business time"));
            HttpProbe.Response answered = Persona.PUBLICITY_MEMBER.on(app()).postJson("/api/feedback/" + id + "/answer",
                    "{\"answer\":\"Done.\",\"makePublic\":false}");
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            assertThat(java.time.Instant.parse(answered.json().get("answeredAt").asString())).isAfterOrEqualTo(ahead);
        } finally {
            businessClock.rewindForTests(offset);
        }
    }

    @Test
    void aSignedInSenderFollowsWithoutTokenAndHearsOfTheAnswerInTheirInbox() {
        String number = "55" + Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000);
        HttpProbe sender = Fixtures.student(app(), number);
        HttpProbe.Response sent = sender.postJson("/api/feedback",
                "{\"kind\":\"suggestion\",\"subject\":\"A board games night\",\"text\":\"Once a month, in the library.\"}");
        assertThat(sent.json().has("followUpToken")).as("signed in: no token needed").isFalse();
        assertThat(sent.json().at("/feedback/department").asString()).as("to the office by default").isEqualTo("office");
        String id = sent.json().at("/feedback/id").asString();
        assertThat(sender.get("/api/feedback/" + id + "/status").status()).isEqualTo(200);
        assertThat(Persona.STUDENT.on(app()).get("/api/feedback/" + id + "/status").status()).isEqualTo(403);

        Persona.PRESIDIUM.on(app()).postJson("/api/feedback/" + id + "/answer",
                "{\"answer\":\"Passed on to the Board Games club.\",\"makePublic\":false}");
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                inboxes.newestFirst("person:" + number, 0, 10).items()).extracting(Notice::title)
                .containsExactly("Your suggestion was answered: A board games night"));
        assertThat(app().get("/api/feedback/public?size=100").json().get("items").valueStream()
                .map(f -> f.get("id").asString())).as("not made public").doesNotContain(id);

        try (TopicProbe events = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "notification.events")) {
            List<TopicProbe.Seen> seen = events.awaitAtLeast(s -> id.equals(s.key()), 2, Duration.ofSeconds(20));
            assertThat(seen.get(0).type()).isEqualTo("org.federation.notification.feedback-received.v1");
            assertThat(seen.get(0).headers()).as("the signed-in sender").containsEntry("ce_actor", number);
            assertThat(seen.get(1).type()).isEqualTo("org.federation.notification.feedback-answered.v1");
            assertThat(seen.get(1).headers()).as("the presidium member who answered")
                    .containsEntry("ce_actor", Persona.PRESIDIUM.subject());
        }
    }

    @Test
    void aSenderIsLimitedPerWindowAndTooLongFeedbackIsRefused() {
        HttpProbe sender = Fixtures.student(app(), "55" + Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000));
        String body = "{\"kind\":\"suggestion\",\"subject\":\"s\",\"text\":\"t\"}";
        for (int i = 0; i < 8; i++) {
            assertThat(sender.postJson("/api/feedback", body).status()).isEqualTo(201);
        }
        HttpProbe.Response limited = sender.postJson("/api/feedback", body);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.header("Retry-After")).isEqualTo("3600");
        assertThat(app().postJson("/api/feedback", "{\"kind\":\"suggestion\",\"subject\":\"s\",\"text\":\"" + "x".repeat(2001)
                + "\"}").status()).isEqualTo(400);
    }

    @Test
    void windowsThatAreOverAreDeletedNotKeptForGood() {
        String key = "address:198.51.100." + Math.floorMod(UUID.randomUUID().hashCode(), 250);
        Duration hour = Duration.ofHours(1);
        // after every other test's windows (an instance prunes at most once a minute, forward in time)
        Instant first = Instant.now().plus(Duration.ofDays(1));
        String firstWindow = org.federation.notification.feedback.domain.RateWindow.of(key, hour, first).id();
        assertThat(limits.take(key, 5, hour, first)).isTrue();
        assertThat(mongo.findById(firstWindow, org.bson.Document.class, "rate-limits")).isNotNull();

        Instant later = first.plus(Duration.ofHours(2));
        assertThat(limits.take(key, 5, hour, later)).isTrue();

        assertThat(mongo.findById(firstWindow, org.bson.Document.class, "rate-limits")).as("over, so deleted").isNull();
        assertThat(mongo.findById(org.federation.notification.feedback.domain.RateWindow.of(key, hour, later).id(),
                org.bson.Document.class, "rate-limits")).as("the current window counts").isNotNull();
    }

    @Test
    void anAddressWindowLetsExactlyItsAllowanceThroughEvenWhenRacedAndOpensAgainInTheNextWindow() throws Exception {
        String address = "address:203.0.113." + Math.floorMod(UUID.randomUUID().hashCode(), 250);
        Instant now = Instant.parse("2026-11-20T10:15:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                takes.add(() -> limits.take(address, 5, Duration.ofHours(1), now));
            }
            int allowed = 0;
            for (Future<Boolean> taken : pool.invokeAll(takes)) {
                allowed += taken.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(limits.take(address, 5, Duration.ofHours(1), now.plus(Duration.ofMinutes(44)))).isFalse();
        assertThat(limits.take(address, 5, Duration.ofHours(1), now.plus(Duration.ofMinutes(45)))).as("11:00, a new window")
                .isTrue();
    }
}
