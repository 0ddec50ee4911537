package org.federation.finance.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@FinanceServiceTest
public class AccountOpeningTest extends EmbeddedBackboneProperties {

    @LocalServerPort
    int port;

    public static EventEnvelope established(String id, String name) {
        return RawEvents.envelope("org.federation.club.established.v1", "/club-service", id, 1, """
                {"club":{"id":"%s","name":"%s","category":"arts-culture","state":"active","foundedOn":"2012-10-08",
                 "leaders":[{"studentNumber":"2023010001","name":"李雷","role":"president"}],
                 "memberStudentNumbers":[],"contact":"c@example.edu"},"origin":"imported"}""".formatted(id, name));
    }

    @Test
    void anEstablishedClubGetsExactlyOneAccountAndItsOpeningIsPublished() {
        String clubId = UUID.randomUUID().toString();
        EventEnvelope event = established(clubId, "疯狂英语协会");
        HttpProbe http = Persona.PRESIDIUM.on(HttpProbe.onPort(port));
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("club.events", event);
            raw.send("club.events", event);
        }

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                http.get("/api/accounts?clubId=" + clubId).json().size() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> http.get("/api/clubs/" + clubId).status() == 200);
        JsonNode account = http.get("/api/accounts?clubId=" + clubId).json().get(0);
        assertThat(account.get("id").asString()).isEqualTo("acct-" + clubId);
        assertThat(account.get("name").asString()).isEqualTo("疯狂英语协会");
        assertThat(account.get("balanceFen").asLong()).isZero();
        assertThat(http.get("/api/accounts/acct-" + clubId).status()).isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            var opened = probe.await(s -> ("acct-" + clubId).equals(s.key()), Duration.ofSeconds(20));
            assertThat(opened.get(0).type()).isEqualTo("org.federation.finance.account-opened.v1");
            assertThat(opened.get(0).headers()).as("opened because the club was established, by whoever established it")
                    .containsEntry("ce_actor", event.actor());
            assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(s -> ("acct-" + clubId).equals(s.key())))
                    .as("the duplicate delivery opens nothing twice").hasSize(1);
        }
    }

    @Test
    void askingForAccountsWithoutAClubOrForAnUnknownAccountIsAClearError() {
        HttpProbe http = Persona.PRESIDIUM.on(HttpProbe.onPort(port));
        HttpProbe.Response missing = http.get("/api/accounts");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/accounts/nope").status()).isEqualTo(404);
        assertThat(http.get("/api/accounts?clubId=nobody").json().size()).isZero();
    }
}
