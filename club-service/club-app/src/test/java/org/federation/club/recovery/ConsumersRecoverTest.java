package org.federation.club.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.federation.club.ClubServiceApplication;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.club.lifecycle.application.LifecycleDeadlines;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.consumer.WaitingConsumers;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.federation.platform.testing.RunningApp;
import org.federation.platform.domain.BusinessClock;
import org.federation.platform.testing.TestClock;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Consumers that recover (issue 18), on club-service: a store outage dead-letters nothing, a dead
 * letter is re-driven to this group's handler once and keeps what newer events did not carry, and
 * a lost dissolution request is asked again after its deadline and shows as overdue meanwhile.
 *
 * <p>Its own context and consumer group ({@code club-recovery}), so the other tests' app does not
 * take its partitions, with a store client that gives up fast (500 ms) as a production service
 * would, and a clock the test moves.
 */
@SpringBootTest(classes = {ClubServiceApplication.class, ConsumersRecoverTest.Clocked.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ClubServiceApplication.CONFIG_NAME, "spring.profiles.active=local",
                "federation.clubs.deadline-sweep=PT24H",
                "spring.application.name=" + ConsumersRecoverTest.GROUP,
                "spring.cloud.stream.bindings.activityEvents-in-0.group=" + ConsumersRecoverTest.GROUP,
                "spring.cloud.stream.bindings.financeEvents-in-0.group=" + ConsumersRecoverTest.GROUP,
                "federation.messaging.consumer-retry-max-interval=1s",
                "federation.clubs.settlement-deadline=PT30M"})
class ConsumersRecoverTest extends RunningApp {

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    static final String GROUP = "club-recovery";
    static final String DLQ = "activity.events." + GROUP + ".dlq";
    static final String START = "2024-10-10T10:00:00Z";

    /** Business time stands still unless the test moves it (the dashboard's "waited" is exact); leases keep the real clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clocked {
        @Bean
        BusinessClock businessClock() {
            return new BusinessClock(new TestClock());
        }
    }

    @DynamicPropertySource
    static void backbone(DynamicPropertyRegistry registry) {
        EmbeddedBackbone.register(registry, "club-recovery");
        registry.add("spring.mongodb.uri", () -> EmbeddedBackbone.get().mongoUri("club-recovery")
                + "?serverSelectionTimeoutMS=500&connectTimeoutMS=500&socketTimeoutMS=3000");
    }

    @Autowired
    WaitingConsumers waiting;
    @Autowired
    LifecycleDeadlines deadlines;

    @Test
    void theStoreAwayForTenSecondsDeadLettersNothingAndEveryActivityIsCompleteAfterwards() {
        String club = ClubLifecycleTest.newClub(app(), "断电社");
        List<String> activities = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            activities.add("act-" + UUID.randomUUID());
        }
        activities.forEach(a -> send(ActivityEventTypes.PUBLISHED, a, 1, "{\"activity\":" + snapshot(a, "t1", club) + "}"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> held(club).size() == activities.size());

        EmbeddedBackbone.get().stopMongo();
        try {
            // the stream goes on while the store is away: retitles, attendance, reports, per activity in order
            for (String a : activities) {
                send(ActivityEventTypes.CHANGED, a, 2, "{\"activity\":" + snapshot(a, "t2", club) + ",\"change\":\"title\"}");
                send(ActivityEventTypes.ATTENDANCE_PUBLISHED, a, 3, "{\"activity\":" + snapshot(a, "t2", club)
                        + ",\"attendance\":1,\"walkIns\":0,\"attendees\":[\"" + Persona.MEMBER.subject() + "\"]}");
                send(ActivityEventTypes.REPORT_SUBMITTED, a, 4, "{\"activity\":" + snapshot(a, "t2", club)
                        + ",\"summary\":\"s\",\"links\":[],\"attendance\":1,\"late\":false}");
                send(ActivityEventTypes.CHANGED, a, 5, "{\"activity\":" + snapshot(a, "t5", club) + ",\"change\":\"title\"}");
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !waiting.isEmpty());
            assertThat(waiting.details().keySet()).allMatch(k -> k.startsWith(GROUP + "/activity.events-"));
            try (TopicProbe dlq = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), DLQ)) {
                // ten seconds of outage, watched: not one of the stream's records is dead-lettered
                Awaitility.await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(12))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> dlq.drain(Duration.ofMillis(100)).stream().noneMatch(s -> activities.contains(s.key())));
            }
        } finally {
            EmbeddedBackbone.get().startMongo();
        }

        JsonNode held = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> held(club), h -> h.size() == activities.size() && h.findValuesAsString("title").stream()
                        .allMatch("t5"::equals) && h.findValuesAsString("report").stream().allMatch("submitted"::equals)
                        && h.findValues("attendees").stream().allMatch(x -> x.size() == 1));
        assertThat(held.findValuesAsString("id")).containsExactlyInAnyOrderElementsOf(activities);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(waiting::isEmpty);
        try (TopicProbe dlq = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), DLQ)) {
            assertThat(dlq.drain(Duration.ofSeconds(1))).noneMatch(s -> activities.contains(s.key()));
        }
    }

    @Test
    void aDeadLetterReDrivenAfterNewerEventsAppliesOnceAndKeepsAttendanceAndReportStatus() {
        String club = ClubLifecycleTest.newClub(app(), "重放社");
        String activity = "act-" + UUID.randomUUID();
        send(ActivityEventTypes.PUBLISHED, activity, 1, "{\"activity\":" + snapshot(activity, "t1", club) + "}");
        // the attendance (sequence 2) was dead-lettered, say by an older version of the consumer...
        EventEnvelope attendance = RawEvents.envelope(ActivityEventTypes.ATTENDANCE_PUBLISHED, "/event-service", activity,
                2, "{\"activity\":" + snapshot(activity, "t1", club) + ",\"attendance\":2,\"walkIns\":0,\"attendees\":[\""
                        + Persona.MEMBER.subject() + "\",\"" + Persona.STUDENT.subject() + "\"]}");
        deadLetter(attendance, "java.lang.IllegalStateException", "could not apply: an old bug");
        // ...and the report (sequence 3) came after it
        send(ActivityEventTypes.REPORT_SUBMITTED, activity, 3, "{\"activity\":" + snapshot(activity, "t1", club)
                + ",\"summary\":\"s\",\"links\":[],\"attendance\":2,\"late\":true}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> held(club), h -> h.size() == 1
                && "submitted".equals(h.get(0).path("report").asString()));

        // the dead-letter command is on the management port
        HttpProbe management = HttpProbe.onPort(managementPort);
        HttpProbe operator = Persona.PRESIDIUM.on(management);
        String path = "/actuator/deadletters/activity.events";
        JsonNode listed = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> operator.get(path).json(),
                l -> find(l, activity) != null);
        JsonNode letter = find(listed, activity);
        assertThat(letter.get("exceptionMessage").asString()).isEqualTo("could not apply: an old bug");
        assertThat(letter.get("type").asString()).isEqualTo(ActivityEventTypes.ATTENDANCE_PUBLISHED);
        assertThat(letter.get("redriven").asBoolean()).isFalse();
        String position = letter.get("partition").asInt() + ":" + letter.get("offset").asLong();

        assertThat(Persona.ORGANIZATION_HEAD.on(management).postJson(path, "{\"records\":\"" + position + "\"}").status())
                .as("operators only").isEqualTo(403);
        assertThat(operator.postJson(path, "{\"records\":\"zero\"}").status()).isEqualTo(400);
        assertThat(operator.postJson("/actuator/deadletters/club.events", "{\"records\":\"all\"}").status())
                .as("a topic the group does not consume").isEqualTo(400);

        HttpProbe.Response redriven = operator.postJson(path, "{\"records\":\"" + position + "\"}");
        assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
        assertThat(redriven.json().get(0).get("outcome").asString()).isEqualTo("applied");
        JsonNode record = held(club).get(0);
        assertThat(record.get("attendees").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(Persona.MEMBER.subject(), Persona.STUDENT.subject());
        assertThat(record.get("report").asString()).as("the newer report is kept").isEqualTo("submitted");
        assertThat(record.get("reportLate").asBoolean()).isTrue();

        HttpProbe.Response again = operator.postJson(path, "{\"records\":\"" + position + "\"}");
        assertThat(again.json().get(0).get("outcome").asString()).isEqualTo("already-redriven");
        assertThat(find(operator.get(path).json(), activity).get("redriven").asBoolean()).isTrue();
        assertThat(held(club).get(0).get("attendance").asInt()).isEqualTo(2);
    }

    @Test
    void aLostDissolutionRequestIsAskedAgainAfterItsDeadlineAndShowsAsOverdueMeanwhile() {
        String id = ClubLifecycleTest.newClub(app(), "失联社");
        assertThat(Persona.LEADER.on(app()).postJson("/api/clubs/" + id + "/dissolution", "{\"reason\":\"graduated\"}")
                .status()).isEqualTo(200);
        // finance-service never saw the request (lost once): nothing settles
        assertThat(overdue(id)).isNull();
        assertThat(deadlines.sweep(businessClock.instant().plus(Duration.ofMinutes(29)))).isZero();

        businessClock.advance(Duration.ofMinutes(31));
        JsonNode step = overdue(id);
        assertThat(step).as("visible as overdue once the deadline passed").isNotNull();
        assertThat(step.get("saga").asString()).isEqualTo("dissolution");
        assertThat(step.get("waited").asString()).isEqualTo("PT31M");
        assertThat(step.get("requests").asInt()).isEqualTo(1);

        assertThat(deadlines.sweep(businessClock.instant())).isEqualTo(1);
        assertThat(deadlines.sweep(businessClock.instant())).as("asked once per deadline").isZero();
        try (TopicProbe clubEvents = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            List<TopicProbe.Seen> requests = clubEvents.awaitAtLeast(s -> id.equals(s.key())
                    && "org.federation.club.dissolution-requested.v1".equals(s.type()), 2, Duration.ofSeconds(20));
            assertThat(requests).hasSize(2);
            assertThat(requests.get(1).headers().get("ce_actor")).isEqualTo("system");
        }
        assertThat(overdue(id).get("requests").asInt()).isEqualTo(2);

        // finance-service answers the second request
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("finance.events", RawEvents.envelope("org.federation.finance.account-settled.v1", "/finance-service",
                    "acct-" + id, 2, """
                    {"account":{"id":"acct-%1$s","owner":"club","clubId":"%1$s","name":"x","balanceFen":0,
                     "state":"settled","openedAt":"2026-01-01T00:00:00Z"},"clubId":"%1$s","settledBalanceFen":0,
                     "movedTo":"federation-general"}""".formatted(id)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                "dissolved".equals(app().get("/api/clubs/" + id).json().get("state").asString()));
        assertThat(overdue(id)).isNull();
        businessClock.advance(Duration.ofHours(2));
        assertThat(deadlines.sweep(businessClock.instant())).as("a dissolved club is not asked about again").isZero();
    }

    private JsonNode overdue(String clubId) {
        HttpProbe.Response dashboard = Persona.ORGANIZATION_MEMBER.on(app()).get("/api/lifecycle/dashboard");
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        for (JsonNode step : dashboard.json().get("overdueSagaSteps")) {
            if (clubId.equals(step.get("id").asString())) {
                return step;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode letters, String key) {
        for (JsonNode letter : letters) {
            if (key.equals(letter.path("key").asString())) {
                return letter;
            }
        }
        return null;
    }

    private JsonNode held(String club) {
        return Persona.LEADER.on(app()).get("/api/clubs/" + club + "/activity-record?year=2024-2025").json().get("held");
    }

    static String snapshot(String id, String title, String club) {
        return """
                {"id":"%s","title":"%s","kind":"lecture","start":"%s","end":"2024-10-10T12:00:00Z","venue":"Hall A",
                 "audience":"public","organiserClubIds":["%s"],"category":"sports","state":"approved"}"""
                .formatted(id, title, START, club);
    }

    static void send(String type, String key, long sequence, String json) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("activity.events", RawEvents.envelope(type, "/event-service", key, sequence, json));
        }
    }

    /** Puts an event on the group's dead-letter topic as the error handler would have, with its error headers. */
    static void deadLetter(EventEnvelope event, String exception, String message) {
        ProducerRecord<String, byte[]> record = event.toRecord(DLQ);
        record.headers().add("x-exception-fqcn", exception.getBytes(StandardCharsets.UTF_8));
        record.headers().add("x-exception-message", message.getBytes(StandardCharsets.UTF_8));
        record.headers().add("x-original-topic", "activity.events".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBackbone.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
