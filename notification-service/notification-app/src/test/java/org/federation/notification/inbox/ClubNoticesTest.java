package org.federation.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.NotificationServiceTest;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@NotificationServiceTest
class ClubNoticesTest extends EmbeddedBackboneProperties {

    @LocalServerPort
    int port;

    @Test
    void theOrganizationDepartmentHearsOfEachEstablishedClubOnceNewestFirst() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        EventEnvelope firstEvent = established(first, "摄影协会 " + first.substring(0, 6));
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("club.events", firstEvent);
            raw.send("club.events", firstEvent);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> countAbout(first) == 1);
            raw.send("club.events", established(second, "网球协会 " + second.substring(0, 6)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> countAbout(second) == 1);

        JsonNode inbox = Persona.PRESIDIUM.on(HttpProbe.onPort(port)).get("/api/inbox?recipient=department:organization&size=100").json();
        assertThat(inbox.get("items").get(0).get("subjectRef").asString()).isEqualTo("club:" + second);
        assertThat(inbox.get("items").get(0).get("title").asString()).startsWith("Club established: 网球协会");
        assertThat(inbox.get("unread").asLong()).isPositive();
        assertThat(countAbout(first)).as("a redelivered event posts nothing twice").isEqualTo(1);
    }

    @Test
    void anInboxNeedsAWellFormedRecipient() {
        HttpProbe http = Persona.PRESIDIUM.on(HttpProbe.onPort(port));
        assertThat(http.get("/api/inbox").status()).isEqualTo(400);
        HttpProbe.Response bad = http.get("/api/inbox?recipient=nobody");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("recipient");
    }

    private long countAbout(String clubId) {
        JsonNode inbox = Persona.PRESIDIUM.on(HttpProbe.onPort(port)).get("/api/inbox?recipient=department:organization&size=100").json();
        return inbox.get("items").valueStream().filter(n -> n.get("subjectRef").asString().equals("club:" + clubId)).count();
    }

    private static EventEnvelope established(String id, String name) {
        return RawEvents.envelope("org.federation.club.established.v1", "/club-service", id, 1, """
                {"club":{"id":"%s","name":"%s","category":"arts-culture","state":"active","foundedOn":"2010-09-15",
                 "leaders":[],"memberStudentNumbers":[]},"origin":"imported"}""".formatted(id, name));
    }
}
