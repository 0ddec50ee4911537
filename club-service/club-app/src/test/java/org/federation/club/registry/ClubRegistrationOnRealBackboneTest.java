package org.federation.club.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.federation.club.ClubServiceTest;
import org.federation.platform.testing.ContainerBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The registration flow against real Kafka and MongoDB, where Docker exists; skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
@ClubServiceTest
class ClubRegistrationOnRealBackboneTest {

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        ContainerBackbone.register(registry, "club");
    }

    @LocalServerPort
    int port;

    @Test
    void aRegisteredClubIsStoredAndPublished() {
        HttpProbe http = Persona.PRESIDIUM.on(HttpProbe.onPort(port));
        HttpProbe.Response created = http.postJson("/api/clubs", """
                {"name":"网球协会","category":"sports","foundedOn":"2014-04-12","leaderName":"陈静",
                 "leaderStudentNumber":"2023050001","contact":"tennis@example.edu"}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(http.postJson("/api/clubs", """
                {"name":"网球协会","category":"sports","foundedOn":"2014-04-12","leaderName":"陈静",
                 "leaderStudentNumber":"2023050001","contact":"tennis@example.edu"}""").status()).isEqualTo(409);
        try (TopicProbe probe = new TopicProbe(ContainerBackbone.get().kafkaBootstrapServers(), "club.events")) {
            assertThat(probe.await(s -> id.equals(s.key()), Duration.ofSeconds(30)).get(0).type())
                    .isEqualTo("org.federation.club.established.v1");
        }
    }
}
