package org.federation.finance.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** finance-service's step of the dissolution saga: settle and close the account, say so once. */
@FinanceServiceTest
class AccountSettlementTest extends EmbeddedBackboneProperties {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aDissolvingClubsAccountIsSettledClosedAndAnnouncedOnceCarryingTheClubId() {
        String clubId = UUID.randomUUID().toString();
        String account = "acct-" + clubId;
        ClubFacts.publish(ClubFacts.established(clubId, "桥牌社", "2023010001", List.of()),
                ClubFacts.dissolutionRequested(clubId, "桥牌社", "2023010001", 2),
                ClubFacts.dissolutionRequested(clubId, "桥牌社", "2023010001", 2));

        HttpProbe http = Persona.FINANCE_MEMBER.on(app());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                "settled".equals(http.get("/api/accounts/" + account).json().get("state").asString()));
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            probe.awaitAtLeast(s -> account.equals(s.key()), 2, Duration.ofSeconds(20));
            List<TopicProbe.Seen> events = probe.drain(Duration.ofMillis(500)).stream()
                    .filter(s -> account.equals(s.key())).toList();
            assertThat(events).extracting(TopicProbe.Seen::type).as("settled once, though asked twice")
                    .containsExactly("org.federation.finance.account-opened.v1", "org.federation.finance.account-settled.v1");
            JsonNode settled = json.readTree(events.get(1).payload());
            assertThat(settled.get("clubId").asString()).isEqualTo(clubId);
            assertThat(settled.at("/account/state").asString()).isEqualTo("settled");
            assertThat(settled.get("settledBalanceFen").asLong()).isZero();
            assertThat(settled.get("movedTo").asString()).isEqualTo("federation-general");
        }
    }

    @Test
    void aClubFinanceNeverSawEstablishedStillGetsItsSettlement() {
        String clubId = UUID.randomUUID().toString();
        ClubFacts.publish(ClubFacts.dissolutionRequested(clubId, "旧社团", "2023010001", 7));
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            List<TopicProbe.Seen> events = probe.awaitAtLeast(s -> ("acct-" + clubId).equals(s.key())
                    && "org.federation.finance.account-settled.v1".equals(s.type()), 1, Duration.ofSeconds(20));
            assertThat(json.readTree(events.get(0).payload()).get("clubId").asString()).isEqualTo(clubId);
        }
    }
}
