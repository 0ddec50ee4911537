package org.federation.club;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.FeatureCollections.assertTouches;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.platform.testing.ConsumerGroups;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.MongoCollections;
import org.federation.platform.testing.MongoCollections.Touched;
import org.federation.platform.testing.MongoCollections.Work;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Test;

/**
 * Which collections each feature of club-service reads and writes, driven through its public entry
 * points only (HTTP requests, consumed events), so that a feature starting to use another feature's or
 * another service's collection fails here: collection names are strings ArchUnit cannot see. The
 * outbox lives in each aggregate's own document, so a feature's events add no collection of their own.
 */
@ClubServiceTest
class FeatureCollectionsTest extends EmbeddedBackboneProperties {

    private static Touched during(Work work) {
        return MongoCollections.INSTANCE.during("club", work);
    }

    @Test
    void theRegistryRegistersAndShowsClubs() {
        Touched touched = during(() -> {
            String clubId = ClubLifecycleTest.newClub(app(), "围棋社");
            assertThat(Persona.LEADER.on(app()).get("/api/clubs/" + clubId).status()).isEqualTo(200);
            assertThat(Persona.LEADER.on(app()).get("/api/clubs/" + clubId + "/lifecycle").status()).isEqualTo(200);
        });
        // a new club's name must not be one a founding application has claimed
        assertTouches("registry and lifecycle", touched.byRequests(), "clubs", "founding-applications");
    }

    @Test
    void membershipTakesApplicationsAndDecisions() {
        String clubId = ClubLifecycleTest.newClub(app(), "合唱团");
        Touched touched = during(() -> {
            HttpProbe.Response applied = Persona.STUDENT.on(app()).postJson("/api/clubs/" + clubId
                    + "/membership-applications", "{\"motivation\":\"I sing\"}");
            assertThat(applied.status()).as(applied.body()).isEqualTo(201);
            assertThat(Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications/"
                    + applied.json().get("id").asString() + "/approval", "").status()).isEqualTo(200);
            assertThat(Persona.LEADER.on(app()).get("/api/clubs/" + clubId + "/members").status()).isEqualTo(200);
        });
        assertTouches("membership", touched.byRequests(), "membership-applications", "clubs");
    }

    @Test
    void recruitmentPostsPositionsAndTakesApplications() {
        String clubId = ClubLifecycleTest.newClub(app(), "街舞协会");
        Touched touched = during(() -> {
            HttpProbe.Response posted = Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/leader-positions",
                    "{\"role\":\"treasurer\",\"description\":\"keep the books\",\"closesAt\":\""
                            + Instant.now().plus(Duration.ofDays(7)) + "\"}");
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            assertThat(Persona.STUDENT.on(app()).postJson("/api/leader-positions/" + posted.json().get("id").asString()
                    + "/applications", "{\"statement\":\"I count\"}").status()).isEqualTo(200);
        });
        assertTouches("recruitment", touched.byRequests(), "leader-positions", "clubs");
    }

    @Test
    void theClubsProfileIsReadFromItsRecord() {
        String clubId = ClubLifecycleTest.newClub(app(), "摄影协会");
        Touched touched = during(() -> {
            assertThat(Persona.LEADER.on(app()).get("/api/clubs/" + clubId + "/profile").status()).isEqualTo(200);
            assertThat(Persona.LEADER.on(app()).get("/api/clubs/" + clubId + "/profile/history?field=contact").status()).isEqualTo(200);
        });
        assertTouches("profile", touched.byRequests(), "club-profiles", "clubs");
    }

    @Test
    void departmentsListTheirMembers() {
        Touched touched = during(() -> assertThat(Persona.PRESIDIUM.on(app()).get("/api/departments").status())
                .isEqualTo(200));
        assertTouches("departments", touched.byRequests(), "departments");
    }

    @Test
    void activityFactsBuildTheClubsActivityRecord() {
        String clubId = ClubLifecycleTest.newClub(app(), "象棋社");
        String activity = "activity-" + UUID.randomUUID();
        Touched touched = during(() -> {
            try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
                raw.send("activity.events", RawEvents.envelope(ActivityEventTypes.PUBLISHED, "/event-service", activity, 1, """
                        {"activity":{"id":"%s","title":"Chess night","kind":"lecture","start":"2025-03-01T10:00:00Z",
                         "end":"2025-03-01T12:00:00Z","venue":"Hall A","audience":"public","organiserClubIds":["%s"],
                         "category":"sports","state":"approved"}}""".formatted(activity, clubId)));
            }
            ConsumerGroups.awaitCaughtUp("club-service", "activity.events", Duration.ofSeconds(20));
        });
        assertTouches("activity record (activity.events consumed)", touched.byConsumersOf("activity.events"),
                "activity-record");
    }
}
