package org.federation.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.FeatureCollections.assertTouches;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.event.budget.FinanceEvents;
import org.federation.platform.testing.ConsumerGroups;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.MongoCollections;
import org.federation.platform.testing.MongoCollections.Touched;
import org.federation.platform.testing.MongoCollections.Work;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;

/**
 * Which collections each feature of event-service reads and writes, driven through its public entry
 * points only (HTTP requests, consumed events), so that a feature starting to use another feature's or
 * another service's collection fails here: collection names are strings ArchUnit cannot see. The
 * outbox lives in each aggregate's own document, so a feature's events add no collection of their own.
 * Common to many sets, and why: a request checks the caller against the club directory ({@code clubs});
 * commands go through the web kit's idempotency store ({@code idempotency-keys}), public reads through
 * its rate limit ({@code public-rate-limits}).
 */
@EventServiceTest
class FeatureCollectionsTest extends EmbeddedBackboneProperties {

    private static Touched during(Work work) {
        return MongoCollections.INSTANCE.during("event", work);
    }

    private static void awaitStatus(java.util.concurrent.Callable<Integer> status, int expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(status, s -> s == expected);
    }

    /** A club event-service knows, led by LEADER, MEMBER a member. */
    private String knownClub() {
        String clubId = "collections-" + UUID.randomUUID();
        ClubFacts.publishEstablished(clubId, "围棋社 " + clubId.substring(12, 18), Persona.LEADER.subject(),
                List.of(Persona.MEMBER.subject()));
        awaitStatus(() -> Persona.LEADER.on(app()).get("/api/clubs/" + clubId).status(), 200);
        return clubId;
    }

    private String proposal(String clubId) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS)
                .plus(600 + ThreadLocalRandom.current().nextInt(300), ChronoUnit.DAYS);
        HttpProbe.Response proposed = Persona.LEADER.on(app()).postJson("/api/activities", """
                {"title":"Go night","kind":"gala","start":"%s","end":"%s","venue":"Room %s","audience":"public",
                 "expectedSize":20,"capacity":20,"clubs":["%s"]}""".formatted(start, start.plus(3, ChronoUnit.HOURS),
                UUID.randomUUID(), clubId));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.json().get("id").asString();
    }

    private String approved(String clubId) {
        String id = proposal(clubId);
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + id + "/approval", "").status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void clubFactsReachTheClubDirectory() {
        String clubId = "collections-" + UUID.randomUUID();
        Touched touched = during(() -> {
            ClubFacts.publishEstablished(clubId, "围棋社 " + clubId.substring(12, 18), Persona.LEADER.subject(), List.of());
            awaitStatus(() -> Persona.LEADER.on(app()).get("/api/clubs/" + clubId).status(), 200);
        });
        assertTouches("clubs (club.events consumed)", touched.byConsumersOf("club.events"), "clubs");
    }

    @Test
    void activitiesAreProposedApprovedAndListed() {
        String clubId = knownClub();
        Touched touched = during(() -> {
            String id = approved(clubId);
            assertThat(Persona.LEADER.on(app()).get("/api/activities/" + id).status()).isEqualTo(200);
            assertThat(Persona.ORGANIZATION_MEMBER.on(app()).get("/api/activities").status()).isEqualTo(200);
        });
        // a proposal books its venue (the venue schedules) for the organising clubs the directory knows
        assertTouches("activities", touched.byRequests(), "activities", "venues", "clubs");
    }

    @Test
    void thePublicCalendarReadsApprovedActivities() {
        approved(knownClub());
        Touched touched = during(() -> assertThat(app().get("/api/calendar").status()).isEqualTo(200));
        assertTouches("calendar", touched.byRequests(), "activities", "clubs", "public-rate-limits");
    }

    @Test
    void registrationTakesAndCancelsPlaces() {
        String activity = approved(knownClub());
        Touched touched = during(() -> {
            String path = "/api/activities/" + activity + "/registration";
            assertThat(Persona.MEMBER.on(app()).postJson(path, "").status()).isEqualTo(201);
            assertThat(Persona.LEADER.on(app()).get("/api/activities/" + activity + "/registrations").status())
                    .isEqualTo(200);
        });
        assertTouches("registration", touched.byRequests(), "registrations", "activities", "clubs");
    }

    @Test
    void checkInRecordsAttendance() {
        String activity = approved(knownClub());
        Touched touched = during(() -> {
            String base = "/api/activities/" + activity;
            HttpProbe.Response walkIn = Persona.LEADER.on(app()).postJson(base + "/check-ins/walk-in",
                    "{\"studentNumber\":\"" + Persona.MEMBER.subject() + "\"}");
            assertThat(walkIn.status()).as(walkIn.body()).isEqualTo(201);
            assertThat(Persona.LEADER.on(app()).get(base + "/attendance").status()).isEqualTo(200);
        });
        assertTouches("check-in", touched.byRequests(), "check-ins", "registrations", "activities", "clubs");
    }

    @Test
    void aBudgetRequestAccompaniesAProposalAndFinanceOutcomesComeBack() {
        String activity = proposal(knownClub());
        Touched requested = during(() -> {
            HttpProbe.Response made = Persona.LEADER.on(app()).postJson("/api/activities/" + activity + "/budget-request",
                    "{\"items\":[{\"description\":\"water\",\"amountFen\":12050}]}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            assertThat(Persona.LEADER.on(app()).get("/api/activities/" + activity + "/budget-request").status())
                    .isEqualTo(200);
        });
        assertTouches("budget requests", requested.byRequests(), "budget-requests", "budget-decisions",
                "activity-spending", "activities", "clubs");

        Touched decided = during(() -> {
            FinanceEvents.decided(activity, 1, FinanceEvents.budget(activity, 12050, "approved", 12050, 0, 0),
                    "approved", null);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Persona.LEADER.on(app())
                    .get("/api/activities/" + activity + "/budget-request").json().toString().contains("approved"));
            // and the event's whole handling done: the group has consumed the topic to its end
            ConsumerGroups.awaitCaughtUp("event-service", "finance.events", Duration.ofSeconds(20));
        });
        assertTouches("finance outcomes (finance.events consumed)", decided.byConsumersOf("finance.events"),
                "budget-decisions", "activity-spending");
    }

    @Test
    void trainingClassesAreOpenedAndListed() {
        Touched touched = during(() -> {
            HttpProbe organiser = Persona.ORGANIZATION_MEMBER.on(app());
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(40, ChronoUnit.DAYS);
            HttpProbe.Response created = organiser.postJson("/api/training-classes", """
                    {"title":"培训班","capacity":3,"department":"organization",
                     "sessions":[{"start":"%s","end":"%s","venue":"Library 101","topic":"Leadership"}]}"""
                    .formatted(start, start.plus(2, ChronoUnit.HOURS)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(organiser.get("/api/training-classes/" + created.json().get("id").asString()).status())
                    .isEqualTo(200);
        });
        assertTouches("training", touched.byRequests(), "training-classes");
    }
}
