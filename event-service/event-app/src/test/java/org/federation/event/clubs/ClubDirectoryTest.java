package org.federation.event.clubs;

import org.federation.event.clubs.domain.ClubDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import tools.jackson.databind.JsonNode;

/**
 * event-service's club directory from {@code club.events}, including the faults the backbone
 * must survive: duplicates, stale snapshots, poison messages and a consumer stopped mid-stream.
 */
@EventServiceTest
class ClubDirectoryTest extends EmbeddedBackboneProperties {

    static final String ESTABLISHED = "org.federation.club.established.v1";
    static RawEvents raw;

    @LocalServerPort
    int port;
    @Autowired
    ClubDirectory directory;
    @Autowired
    BindingsLifecycleController bindings;

    @BeforeAll
    static void producer() {
        raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers());
    }

    @AfterAll
    static void close() {
        raw.close();
    }

    static String established(String id, String name, String state) {
        return """
                {"club":{"id":"%s","name":"%s","category":"sports","state":"%s","foundedOn":"2015-09-01",
                 "leaders":[{"studentNumber":"2023010001","name":"李雷","role":"president"}],
                 "memberStudentNumbers":["2024000001"],"contact":"c@example.edu"},"origin":"imported"}"""
                .formatted(id, name, state);
    }

    static EventEnvelope event(String id, long sequence, String json) {
        return RawEvents.envelope(ESTABLISHED, "/club-service", id, sequence, json);
    }

    private void awaitName(String id, String name) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                directory.find(id).map(c -> c.name().equals(name)).orElse(false));
    }

    @Test
    void anEstablishedClubAppearsInTheDirectoryAndOverHttp() {
        String id = UUID.randomUUID().toString();
        raw.send("club.events", event(id, 1, established(id, "网球协会", "active")));

        awaitName(id, "网球协会");
        JsonNode club = Persona.PRESIDIUM.on(HttpProbe.onPort(port)).get("/api/clubs/" + id).json();
        assertThat(club.get("category").asString()).isEqualTo("sports");
        assertThat(club.get("leaderStudentNumbers").get(0).asString()).isEqualTo("2023010001");
        assertThat(Persona.PRESIDIUM.on(HttpProbe.onPort(port)).get("/api/clubs?size=5").json().get("items").size()).isPositive();
        assertThat(Persona.PRESIDIUM.on(HttpProbe.onPort(port)).get("/api/clubs/unknown").status()).isEqualTo(404);
    }

    @Test
    void theSameEventTwiceAndAnOlderSnapshotAfterANewerOneChangeNothing() {
        String id = UUID.randomUUID().toString();
        EventEnvelope first = event(id, 1, established(id, "First name", "active"));
        raw.send("club.events", first);
        raw.send("club.events", first);
        raw.send("club.events", event(id, 3, established(id, "Newest name", "active")));
        raw.send("club.events", event(id, 2, established(id, "Older name", "active")));
        String marker = UUID.randomUUID().toString();
        raw.send("club.events", event(marker, 1, established(marker, "marker", "active")));

        awaitName(marker, "marker"); // same partition order is not guaranteed across keys; wait on both
        awaitName(id, "Newest name");
        assertThat(directory.find(id).orElseThrow().sequence()).isEqualTo(3);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextMessageIsProcessed() {
        String poisonKey = "poison-" + UUID.randomUUID();
        raw.sendWithoutEnvelope("club.events", poisonKey, "this is not an event");
        String brokenJson = UUID.randomUUID().toString();
        raw.send("club.events", event(brokenJson, 1, "{\"club\": [1, 2"));
        String good = UUID.randomUUID().toString();
        raw.send("club.events", event(good, 1, established(good, "After the poison", "active")));

        awaitName(good, "After the poison");
        try (TopicProbe dlq = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(),
                "club.events.event-service.dlq")) {
            TopicProbe.Seen dead = dlq.await(s -> poisonKey.equals(s.key()), Duration.ofSeconds(20)).get(0);
            assertThat(dead.headers().get("x-exception-message")).contains("ce_id");
            assertThat(dead.payload()).isEqualTo("this is not an event");
            TopicProbe.Seen unparseable = dlq.await(s -> brokenJson.equals(s.key()), Duration.ofSeconds(20)).get(0);
            assertThat(unparseable.headers().get("x-exception-message")).contains("payload");
            assertThat(unparseable.headers()).containsEntry("x-original-topic", "club.events");
        }
        assertThat(directory.find(brokenJson)).isEmpty();
    }

    @Test
    void anEventOnClubEventsFromAnyoneButClubServiceIsDeadLetteredAndGrantsNothing() {
        String forged = UUID.randomUUID().toString();
        // finance-service (or whoever can write to the topic) claims a club, naming its own leader
        raw.send("club.events", RawEvents.envelope(ESTABLISHED, "/finance-service", forged, 1,
                established(forged, "Forged club", "active")));

        try (TopicProbe dlq = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(),
                "club.events.event-service.dlq")) {
            TopicProbe.Seen dead = dlq.await(s -> forged.equals(s.key()), Duration.ofSeconds(20)).get(0);
            assertThat(dead.headers().get("x-exception-fqcn")).contains("ForeignSourceException");
            assertThat(dead.headers().get("x-exception-message")).contains("/finance-service").contains("/club-service");
        }
        assertThat(directory.find(forged)).isEmpty();
        assertThat(Persona.PRESIDIUM.on(HttpProbe.onPort(port)).get("/api/clubs/" + forged).status()).isEqualTo(404);
    }

    @Test
    void aConsumerStoppedMidStreamCatchesUpWhenItRestarts() {
        String before = UUID.randomUUID().toString();
        raw.send("club.events", event(before, 1, established(before, "Before the stop", "active")));
        awaitName(before, "Before the stop");

        bindings.changeState("clubEvents-in-0", BindingsLifecycleController.State.STOPPED);
        String[] during = new String[5];
        for (int i = 0; i < during.length; i++) {
            during[i] = UUID.randomUUID().toString();
            raw.send("club.events", event(during[i], 1, established(during[i], "While stopped " + i, "active")));
        }
        assertThat(directory.find(during[0])).isEmpty();

        bindings.changeState("clubEvents-in-0", BindingsLifecycleController.State.STARTED);
        for (int i = 0; i < during.length; i++) {
            awaitName(during[i], "While stopped " + i);
        }
    }
}
