package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.TestTokens;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The federation's notice to all clubs, across the services: club-service's demo clubs reach
 * notification-service's directory through club.events alone; the Organization Department sends
 * a notice to every club's leaders to be acknowledged within the hour; two clubs acknowledge, the
 * others escalate to the department's head once the platform's business clock is moved past the
 * deadline (never waited for); the sender's view names exactly the
 * clubs that are missing, and each escalation is an event on notification.events.
 */
class FederationNoticeAcrossServicesTest extends AcrossServices {

    static final List<String> DEMO_CLUBS = List.of("club-acmore", "club-board-games", "club-crazy-english",
            "club-heart-star", "club-photography", "club-tennis");

    static int notificationPort;

    @BeforeAll
    static void startPlatform() throws Exception {
        startPlatform("e2e-notice-", "--federation.notifications.escalation.head-delay=PT2S");
        notificationPort = apps.port("notification-service");
    }


    static HttpProbe signIn(String demoUser) {
        return signIn(demoUser, HttpProbe.onPort(notificationPort));
    }

    @Test
    void aNoticeToAllClubsIsAcknowledgedBySomeEscalatedForTheRestAndTheSenderSeesExactlyWhoIsMissing() {
        HttpProbe sender = signIn("organization-member");
        HttpProbe head = signIn("organization-head");
        head.get("/api/notice-kinds"); // the head signs in once: notification-service now knows who heads the department
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(sender.get("/api/inbox?recipient=department:organization&kind=club-established&size=100").json()
                        .get("items").valueStream().map(n -> n.get("subjectRef").asString().substring(5)))
                        .containsAll(DEMO_CLUBS));

        BusinessTime businessTime = businessTime();
        Instant deadline = businessTime.show().now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        HttpProbe.Response sent = sender.postJson("/api/direct-notices", """
                {"department":"organization","title":"Club exchange conference","audience":"all-clubs",
                 "body":"Friday 19:00 in the student centre; every club sends one leader. Acknowledge by the deadline.",
                 "acknowledgeBy":"%s"}""".formatted(deadline));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String id = sent.json().get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                "sent".equals(sender.get("/api/direct-notices/" + id).json().get("state").asString()));

        for (String leader : List.of("acmore-leader", "tennis-leader")) {
            HttpProbe probe = signIn(leader);
            JsonNode notice = probe.get("/api/inbox?recipient=person:" + subjectOf(leader) + "&kind=direct").json()
                    .get("items").valueStream().filter(n -> n.get("directNoticeId").asString().equals(id)).findFirst().orElseThrow();
            assertThat(probe.postJson("/api/inbox/" + notice.get("id").asString() + "/acknowledgement", "").status())
                    .isEqualTo(200);
        }

        // the deadline passes, and the head's delay (PT2S here) after it: business time, moved, not waited for
        businessTime.advance(Duration.between(businessTime.show().now(), deadline).plusSeconds(1));
        businessTime.advance(Duration.ofSeconds(3));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(escalated(sender.get("/api/direct-notices/" + id + "/acknowledgements").json())).hasSize(4));
        JsonNode view = sender.get("/api/direct-notices/" + id + "/acknowledgements").json();
        assertThat(view.get("missing").valueStream().map(JsonNode::asString).filter(g -> DEMO_CLUBS.contains(g.substring(5))))
                .containsExactlyInAnyOrder("club:club-board-games", "club:club-crazy-english", "club:club-heart-star",
                        "club:club-photography");
        assertThat(view.get("items").valueStream().filter(g -> g.get("acknowledged").asBoolean())
                .map(g -> g.get("clubId").asString())).containsExactlyInAnyOrder("club-acmore", "club-tennis");

        JsonNode headInbox = head.get("/api/inbox?recipient=person:" + subjectOf("organization-head") + "&kind=escalation&size=100").json();
        assertThat(headInbox.get("items").valueStream().filter(n -> n.get("subjectRef").asString().equals("direct-notice:" + id)))
                .hasSize(4);
        try (TopicProbe events = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "notification.events")) {
            assertThat(events.awaitAtLeast(s -> "org.federation.notification.notice-escalated.v1".equals(s.type())
                    && s.key().startsWith(id), 4, Duration.ofSeconds(20)).stream().map(TopicProbe.Seen::key)
                    .collect(Collectors.toSet())).hasSize(4);
        }
    }

    private static List<String> escalated(JsonNode view) {
        return view.get("items").valueStream().filter(g -> g.has("escalation")
                && "escalated-to-head".equals(g.get("escalation").asString())).map(g -> g.get("group").asString()).toList();
    }

    /** The demo user's student number (the subject of their token), as the development issuer lists it. */
    static String subjectOf(String demoUser) {
        for (JsonNode user : new HttpProbe(TestTokens.issuer().issuer()).get("/dev/users").json().get("users")) {
            if (user.get("id").asString().equals(demoUser)) {
                return user.get("subject").asString();
            }
        }
        throw new IllegalArgumentException("no demo user " + demoUser);
    }
}
