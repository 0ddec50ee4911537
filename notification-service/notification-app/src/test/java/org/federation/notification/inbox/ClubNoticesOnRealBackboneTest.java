package org.federation.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.notification.NotificationServiceTest;
import org.federation.platform.testing.ContainerBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Notices against real Kafka and MongoDB, where Docker exists; skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
@NotificationServiceTest
class ClubNoticesOnRealBackboneTest {

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        ContainerBackbone.register(registry, "notification");
    }

    @LocalServerPort
    int port;

    @Test
    void theOrganizationDepartmentGetsOneNoticePerEstablishedClub() {
        String clubId = UUID.randomUUID().toString();
        var event = RawEvents.envelope("org.federation.club.established.v1", "/club-service", clubId, 1, """
                {"club":{"id":"%s","name":"网球协会","category":"sports","state":"active","foundedOn":"2014-04-12",
                 "leaders":[],"memberStudentNumbers":[]},"origin":"imported"}""".formatted(clubId));
        try (RawEvents raw = new RawEvents(ContainerBackbone.get().kafkaBootstrapServers())) {
            raw.send("club.events", event);
            raw.send("club.events", event);
        }
        HttpProbe http = Persona.PRESIDIUM.on(HttpProbe.onPort(port));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get("/api/inbox?recipient=department:organization").json().get("totalItems").asInt() == 1);
        assertThat(http.get("/api/inbox?recipient=department:organization").json().at("/items/0/subjectRef").asString())
                .isEqualTo("club:" + clubId);
    }
}
