package org.federation.finance.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.finance.FinanceServiceTest;
import org.federation.platform.testing.ContainerBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Account opening against real Kafka and MongoDB, where Docker exists; skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
@FinanceServiceTest
class AccountOpeningOnRealBackboneTest {

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        ContainerBackbone.register(registry, "finance");
    }

    @LocalServerPort
    int port;

    @Test
    void opensOneAccountPerEstablishedClubDespiteDuplicates() {
        String clubId = UUID.randomUUID().toString();
        try (RawEvents raw = new RawEvents(ContainerBackbone.get().kafkaBootstrapServers())) {
            raw.send("club.events", AccountOpeningTest.established(clubId, "摄影协会"));
            raw.send("club.events", AccountOpeningTest.established(clubId, "摄影协会"));
        }
        HttpProbe http = Persona.PRESIDIUM.on(HttpProbe.onPort(port));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                http.get("/api/accounts?clubId=" + clubId).json().size() == 1);
        assertThat(http.get("/api/accounts/acct-" + clubId).status()).isEqualTo(200);
    }
}
