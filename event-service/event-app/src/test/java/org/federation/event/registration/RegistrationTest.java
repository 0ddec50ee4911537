package org.federation.event.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TestTokens;
import org.federation.platform.testing.TopicProbe;
import org.federation.platform.testing.EmbeddedBackbone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registration through HTTP: capacity, waitlist and promotion, members-only activities, a race for the last seats. */
@EventServiceTest
class RegistrationTest extends EmbeddedBackboneProperties {

    static final AtomicLong DAY = new AtomicLong(200);

    @Autowired
    ClubDirectory directory;

    String club() {
        String id = "club-reg-" + UUID.randomUUID();
        ClubFacts.publishEstablished(id, "报名社 " + id.substring(9, 17), Persona.LEADER.subject(), List.of(Persona.MEMBER.subject()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(id).isPresent());
        return id;
    }

    /** An approved activity of the club with this capacity and audience. */
    String approved(String club, int capacity, String audience) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(DAY.incrementAndGet(), ChronoUnit.DAYS);
        HttpProbe.Response proposed = Persona.LEADER.on(app()).postJson("/api/activities", """
                {"title":"Freshman show","kind":"gala","start":"%s","end":"%s","venue":"Theatre %s","audience":"%s",
                 "expectedSize":%d,"capacity":%d,"clubs":["%s"]}""".formatted(start, start.plus(3, ChronoUnit.HOURS),
                UUID.randomUUID(), audience, capacity, capacity, club));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.json().get("id").asString();
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + id + "/approval", "").status()).isEqualTo(200);
        return id;
    }

    static String status(HttpProbe.Response response) {
        return response.json().get("status").asString();
    }

    @Test
    void aFullActivityWaitlistsAndACancellationPromotesTheFirstWaiting() {
        String club = club();
        String activity = approved(club, 2, "public");
        String path = "/api/activities/" + activity + "/registration";
        HttpProbe.Response first = Persona.LEADER.on(app()).postJson(path, "");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(status(first)).isEqualTo("registered");
        assertThat(Persona.LEADER.on(app()).postJson(path, "").status()).as("a repeat").isEqualTo(200);
        assertThat(status(Persona.MEMBER.on(app()).postJson(path, ""))).isEqualTo("registered");
        assertThat(status(Persona.STUDENT.on(app()).postJson(path, ""))).isEqualTo("waitlisted");
        assertThat(status(Persona.OTHER_LEADER.on(app()).postJson(path, ""))).isEqualTo("waitlisted");

        assertThat(status(Persona.LEADER.on(app()).send(new HttpCall("DELETE", path, null, null)))).isEqualTo("cancelled");
        assertThat(Persona.LEADER.on(app()).send(new HttpCall("DELETE", path, null, null)).status()).as("a repeat").isEqualTo(200);
        HttpProbe.Response registered = Persona.LEADER.on(app()).get("/api/activities/" + activity + "/registrations?status=registered");
        assertThat(registered.json().get("items")).extracting(n -> n.get("person").asString())
                .containsExactlyInAnyOrder(Persona.MEMBER.subject(), Persona.STUDENT.subject());
        assertThat(Persona.MEMBER.on(app()).get("/api/activities/" + activity + "/registrations").status()).isEqualTo(403);

        assertThat(status(Persona.LEADER.on(app()).postJson(path, ""))).as("back at the end of the queue").isEqualTo("waitlisted");
        Persona.MEMBER.on(app()).send(new HttpCall("DELETE", path, null, null));
        assertThat(Persona.PRESIDIUM.on(app()).get("/api/activities/" + activity + "/registrations?status=registered")
                .json().get("items")).extracting(n -> n.get("person").asString())
                .as("the first waiting, not the latest").containsExactlyInAnyOrder(Persona.STUDENT.subject(), Persona.OTHER_LEADER.subject());
    }

    @Test
    void everyChangeOfAPersonsPlaceIsAnEventKeyedByTheRegistrationAPromotionTooAndRepeatsPublishNothing() {
        String activity = approved(club(), 1, "public");
        String path = "/api/activities/" + activity + "/registration";
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "activity.events")) {
            Persona.LEADER.on(app()).postJson(path, "");
            Persona.LEADER.on(app()).postJson(path, ""); // a repeat
            Persona.STUDENT.on(app()).postJson(path, "");
            Persona.LEADER.on(app()).send(new HttpCall("DELETE", path, null, null));
            Persona.LEADER.on(app()).send(new HttpCall("DELETE", path, null, null)); // a repeat

            String leaders = activity + "|" + Persona.LEADER.subject();
            String students = activity + "|" + Persona.STUDENT.subject();
            List<TopicProbe.Seen> events = probe.awaitAtLeast(s -> s.key().startsWith(activity + "|"), 4,
                    Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(s -> s.key().startsWith(activity + "|")))
                    .as("repeats publish nothing").hasSize(4);
            assertThat(events).allMatch(s -> s.type().equals("org.federation.activity.registration-changed.v1"));
            assertThat(events.stream().filter(s -> s.key().equals(leaders)).map(s -> json(s).get("change").asString()))
                    .containsExactly("registered", "cancelled");
            List<JsonNode> student = events.stream().filter(s -> s.key().equals(students)).map(RegistrationTest::json).toList();
            assertThat(student).extracting(n -> n.get("change").asString()).containsExactly("waitlisted", "promoted");
            assertThat(student.get(0).get("waitNumber").asLong()).isPositive();
            assertThat(student.get(1).get("status").asString()).isEqualTo("registered");
            assertThat(student.get(1).get("studentNumber").asString()).isEqualTo(Persona.STUDENT.subject());
            assertThat(student.get(1).get("activityTitle").asString()).isNotBlank();
            assertThat(events.stream().filter(s -> s.key().equals(students)).map(s -> s.headers().get("sequence")))
                    .containsExactly("1", "2");
            assertThat(events.stream().filter(s -> s.key().equals(leaders)).map(s -> s.headers().get("ce_actor")))
                    .as("the person registering and cancelling").containsExactly(Persona.LEADER.subject(), Persona.LEADER.subject());
            assertThat(events.stream().filter(s -> s.key().equals(students)).map(s -> s.headers().get("ce_actor")))
                    .as("waitlisted at the student's request, promoted because a seat came free")
                    .containsExactly(Persona.STUDENT.subject(), "system");
        }
    }

    static JsonNode json(TopicProbe.Seen seen) {
        return JsonMapper.builder().build().readTree(seen.payload());
    }

    @Test
    void aMembersOnlyActivityAcceptsOnlyTheOrganisingClubsPeopleAndAProposalIsNotOpen() {
        String club = club();
        String activity = approved(club, 50, "members");
        String path = "/api/activities/" + activity + "/registration";
        assertThat(Persona.STUDENT.on(app()).postJson(path, "").status()).isEqualTo(403);
        assertThat(Persona.MEMBER.on(app()).postJson(path, "").status()).isEqualTo(201);
        Instant start = Instant.now().plus(300, ChronoUnit.DAYS);
        String pending = Persona.LEADER.on(app()).postJson("/api/activities", """
                {"title":"Not yet","kind":"talk","start":"%s","end":"%s","venue":"Room %s","audience":"public",
                 "expectedSize":5,"clubs":["%s"]}""".formatted(start, start.plus(1, ChronoUnit.HOURS), UUID.randomUUID(), club))
                .json().get("id").asString();
        assertThat(Persona.STUDENT.on(app()).postJson("/api/activities/" + pending + "/registration", "").status()).isEqualTo(409);
    }

    @Test
    void manyPeopleRacingForTheLastSeatsNeverExceedTheCapacity() throws Exception {
        String activity = approved(club(), 10, "public");
        String path = "/api/activities/" + activity + "/registration";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String person = "2098" + String.format("%06d", i) + DAY.get();
                results.add(pool.submit(() -> status(TestTokens.as(app(), person, List.of("STUDENT")).postJson(path, ""))));
            }
            long registered = 0;
            for (Future<String> result : results) {
                registered += result.get().equals("registered") ? 1 : 0;
            }
            assertThat(registered).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Persona.PRESIDIUM.on(app()).get("/api/activities/" + activity + "/registrations?status=waitlisted&size=100")
                .json().get("totalItems").asLong()).isEqualTo(30);
    }

    @Autowired
    org.federation.event.registration.application.RegistrationDesk desk;

    @Test
    void aSeatLostBetweenCancellingAndPassingItOnIsGivenBackByTheRepairSweepOnce() {
        String club = club();
        String full = approved(club, 2, "public");
        String base = "/api/activities/" + full + "/registration";
        assertThat(status(Persona.MEMBER.on(app()).postJson(base, ""))).isEqualTo("registered");
        assertThat(status(Persona.STUDENT.on(app()).postJson(base, ""))).isEqualTo("registered");
        assertThat(status(Persona.OTHER_LEADER.on(app()).postJson(base, ""))).isEqualTo("waitlisted");
        // a crash after the cancellation was written, before the seat was passed on
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(full + "|" + Persona.MEMBER.subject())),
                new org.springframework.data.mongodb.core.query.Update().set("status", "cancelled"), "registrations");

        Duration quiet = Duration.ofMinutes(2);
        assertThat(desk.repairSeats(Instant.now(), quiet)).as("not while its registrations just changed").isZero();
        assertThat(desk.repairSeats(Instant.now().plus(3, ChronoUnit.MINUTES), quiet)).isGreaterThanOrEqualTo(1);
        HttpProbe leader = Persona.LEADER.on(app());
        var registered = leader.get("/api/activities/" + full + "/registrations?status=registered").json().get("items");
        assertThat(registered.findValuesAsString("person")).containsExactlyInAnyOrder(Persona.STUDENT.subject(),
                Persona.OTHER_LEADER.subject());
        assertThat(seatsFree(full)).isZero();
        assertThat(desk.repairSeats(Instant.now().plus(10, ChronoUnit.MINUTES), quiet)).as("nothing left to repair")
                .isZero();

        // with nobody waiting, the lost seat goes back to the counter and someone new takes it
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(full + "|" + Persona.STUDENT.subject())),
                new org.springframework.data.mongodb.core.query.Update().set("status", "cancelled"), "registrations");
        assertThat(desk.repairSeats(Instant.now().plus(10, ChronoUnit.MINUTES), quiet)).isGreaterThanOrEqualTo(1);
        assertThat(seatsFree(full)).isEqualTo(1);
        assertThat(status(Persona.MEMBER.on(app()).postJson(base, ""))).isEqualTo("registered");
        assertThat(status(Persona.PUBLICITY_MEMBER.on(app()).postJson(base, ""))).as("full again").isEqualTo("waitlisted");
    }

    private long seatsFree(String activityId) {
        return ((Number) mongo.findById(activityId, org.bson.Document.class, "activities").get("seatsFree")).longValue();
    }
}
