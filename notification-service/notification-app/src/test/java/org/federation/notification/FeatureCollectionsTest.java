package org.federation.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.FeatureCollections.assertTouches;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.federation.club.contracts.testing.ClubFacts;
import org.federation.platform.testing.ConsumerGroups;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.MongoCollections;
import org.federation.platform.testing.MongoCollections.Touched;
import org.federation.platform.testing.MongoCollections.Work;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which collections each feature of notification-service reads and writes, driven through its public
 * entry points only (HTTP requests, consumed events; no class of the service is named, so its classes
 * may move between packages freely), so that a feature starting to use another feature's or another
 * service's collection fails here: collection names are strings ArchUnit cannot see. Only the work done
 * on behalf of the request or the consumed event counts: what the sweeps, the delivery poll and the relay
 * do later runs on their own threads. Common to many sets, and why: notices are addressed through the
 * directory ({@code people}, {@code clubs}) and land in inboxes ({@code notices}), and deliveries are
 * queued ({@code deliveries}) as the recipients' subscriptions and contacts say; public posts go through the web kit's rate limit
 * ({@code public-rate-limits}) and feedback's own per-sender limit ({@code rate-limits}).
 */
@NotificationServiceTest
class FeatureCollectionsTest extends EmbeddedBackboneProperties {

    /**
     * The directory learns each caller from the token on their first request (and remembers them), so
     * every persona calls once before anything is recorded: what a feature touches then does not depend
     * on which test happened to run first.
     */
    @BeforeEach
    void everyoneSignedIn() {
        Fixtures.signInEveryone(app());
    }

    private static Touched during(Work work) {
        return MongoCollections.INSTANCE.during("notification", work);
    }

    @Test
    void clubFactsReachTheDirectoryAndTheLeadersInboxes() {
        String clubId = "collections-" + UUID.randomUUID();
        Touched touched = during(() -> {
            ClubFacts.publishEstablished(clubId, "棋社 " + clubId.substring(12, 18), Persona.LEADER.subject(), List.of());
            // handled: the service's group has consumed the topic to its end
            ConsumerGroups.awaitCaughtUp("notification-service", "club.events", Duration.ofSeconds(20));
        });
        assertTouches("directory and routing (club.events consumed)", touched.byConsumersOf("club.events"), "clubs",
                "notices", "subscriptions", "contacts", "people", "deliveries");
    }

    @Test
    void directNoticesAreSentAndReported() {
        // the directory knows the clubs (a repeat of the events is applied once)
        ClubFacts.publish(ClubFacts.established(Fixtures.OWN_CLUB, "Own club " + Fixtures.OWN_CLUB, Persona.LEADER.subject(),
                List.of(Persona.MEMBER.subject())));
        ConsumerGroups.awaitCaughtUp("notification-service", "club.events", Duration.ofSeconds(20));
        HttpProbe sender = Persona.ORGANIZATION_MEMBER.on(app());
        Touched touched = during(() -> {
            // no acknowledgement deadline: an escalation left waiting would be taken by other tests' sweeps
            HttpProbe.Response sent = sender.postJson("/api/direct-notices", """
                    {"department":"organization","title":"Collections %s","body":"b","audience":"clubs","clubIds":["%s"]}"""
                    .formatted(UUID.randomUUID(), Fixtures.OWN_CLUB));
            assertThat(sent.status()).as(sent.body()).isEqualTo(202);
            String id = sent.json().get("id").asString();
            assertThat(sender.get("/api/direct-notices/" + id).status()).isEqualTo(200);
            assertThat(Persona.ORGANIZATION_HEAD.on(app()).get("/api/direct-notices/" + id + "/acknowledgements").status())
                    .isEqualTo(200);
        });
        assertTouches("direct notices", touched.byRequests(), "direct-notices", "notices", "clubs",
                "escalations");
    }

    @Test
    void theInboxListsCountsAndMarksNotices() {
        Touched touched = during(() -> {
            HttpProbe member = Persona.MEMBER.on(app());
            assertThat(member.get("/api/inbox?recipient=person:" + Persona.MEMBER.subject()).status()).isEqualTo(200);
            assertThat(member.get("/api/inbox/unread-count?recipient=person:" + Persona.MEMBER.subject()).status())
                    .isEqualTo(200);
        });
        assertTouches("inbox", touched.byRequests(), "notices");
    }

    @Test
    void feedbackIsReceivedAndAnswered() {
        Touched touched = during(() -> {
            HttpProbe.Response sent = app().postJson("/api/feedback", """
                    {"kind":"suggestion","department":"finance","subject":"Collections %s","text":"More benches."}"""
                    .formatted(UUID.randomUUID()));
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            String id = sent.json().at("/feedback/id").asString();
            HttpProbe.Response answered = Persona.FINANCE_MEMBER.on(app()).postJson("/api/feedback/" + id + "/answer",
                    "{\"answer\":\"Ordered.\",\"makePublic\":true}");
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            assertThat(app().get("/api/feedback/public").status()).isEqualTo(200);
        });
        assertTouches("feedback", touched.byRequests(), "feedback", "rate-limits", "public-rate-limits");
    }

    @Test
    void subscriptionsAndContactsAreKeptPerRecipient() {
        Touched touched = during(() -> {
            HttpProbe presidium = Persona.PRESIDIUM.on(app());
            assertThat(presidium.send(new HttpCall("PUT", "/api/subscriptions/department:evaluation", "application/json",
                    "{\"kinds\":[\"report-overdue\",\"handover-overdue\"],\"ownClubs\":true}")).status()).isEqualTo(200);
            assertThat(presidium.get("/api/subscriptions/department:evaluation").status()).isEqualTo(200);
            assertThat(presidium.get("/api/contacts/department:organization").status()).isEqualTo(200);
        });
        assertTouches("delivery preferences", touched.byRequests(), "subscriptions", "contacts");
    }

    @Test
    void theWorkQueueListsWhatAwaitsTheCaller() {
        Touched touched = during(() -> assertThat(Persona.FINANCE_MEMBER.on(app()).get("/api/work-queue/mine").status())
                .isEqualTo(200));
        assertTouches("work queue", touched.byRequests(), "work-items");
    }
}
