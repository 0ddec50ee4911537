package org.federation.finance.sponsorship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Sponsorship agreements and money received under them, never beyond the promise. */
@FinanceServiceTest
class SponsorshipServiceTest extends EmbeddedBackboneProperties {

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @Autowired
    Accounts accounts;

    static String agreement(String clubId, long fen) {
        return """
                {"sponsor":"校园书店","agreement":"SP-2026-%s","purpose":"prizes for the reading contest",%s
                 "promisedFen":%d,"signedOn":"%s"}""".formatted(UUID.randomUUID().toString().substring(0, 6),
                clubId == null ? "" : "\"clubId\":\"" + clubId + "\",", fen, LocalDate.now().minusDays(5));
    }

    static String receipt(long fen) {
        return "{\"amountFen\":" + fen + ",\"receivedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"note\":\"bank transfer\"}";
    }

    @Test
    void aClubsSponsorshipIsRecordedByItsLeaderAndItsMoneyBookedNeverBeyondThePromise() throws Exception {
        String clubId = "sponsored-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, "读书会", Persona.LEADER.subject(), List.of(Persona.MEMBER.subject())));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accounts.find("acct-" + clubId).isPresent());
        assertThat(Persona.MEMBER.on(app()).postJson("/api/sponsorships", agreement(clubId, 10_000)).status()).isEqualTo(403);
        HttpProbe.Response recorded = Persona.LEADER.on(app()).postJson("/api/sponsorships", agreement(clubId, 10_000));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String id = recorded.json().get("id").asString();
        assertThat(recorded.json().get("accountId").asString()).isEqualTo("acct-" + clubId);

        HttpProbe finance = Persona.FINANCE_MEMBER.on(app());
        assertThat(Persona.LEADER.on(app()).postJson("/api/sponsorships/" + id + "/receipts", receipt(1)).status())
                .as("money is booked by the Finance Department").isEqualTo(403);
        assertThat(finance.postJson("/api/sponsorships/" + id + "/receipts", receipt(4_000)).status()).isEqualTo(201);
        HttpProbe.Response beyond = finance.postJson("/api/sponsorships/" + id + "/receipts", receipt(6_001));
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.body()).contains("6000 of 10000 fen are outstanding");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> finance.postJson("/api/sponsorships/" + id + "/receipts", receipt(2_500)).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 201).count()).as(statuses.toString()).isEqualTo(2);
        JsonNode sponsorship = Persona.MEMBER.on(app()).get("/api/sponsorships/" + id).json();
        assertThat(sponsorship.get("receivedFen").asLong()).isEqualTo(9_000);
        assertThat(accounts.find("acct-" + clubId).orElseThrow().balanceFen()).isEqualTo(9_000);
        assertThat(sponsorship.get("receipts").valueStream().allMatch(r -> r.get("booked").asBoolean())).isTrue();
        assertThat(Persona.MEMBER.on(app()).get("/api/sponsorships?clubId=" + clubId).json().get("totalItems").asInt())
                .isEqualTo(1);

        // issue 19: each receipt that passed is an event, by the Finance Department's member who recorded it
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            List<TopicProbe.Seen> receipts = probe.awaitAtLeast(s -> FinanceEventTypes.SPONSORSHIP_RECEIPT_RECORDED.equals(s.type())
                    && s.payload().contains("\"sponsorshipId\":\"" + id + "\""), 3, Duration.ofSeconds(20));
            assertThat(probe.drain(Duration.ofMillis(300)).stream().filter(s -> FinanceEventTypes.SPONSORSHIP_RECEIPT_RECORDED
                    .equals(s.type()) && s.payload().contains(id))).as("refused receipts told nothing").hasSize(3);
            assertThat(receipts).extracting(s -> s.headers().get("ce_actor")).containsOnly(Persona.FINANCE_MEMBER.subject());
            assertThat(receipts).extracting(s -> JSON.readTree(s.payload()).get("amountFen").asLong())
                    .containsExactlyInAnyOrder(4_000L, 2_500L, 2_500L);
            JsonNode first = JSON.readTree(receipts.get(0).payload());
            assertThat(first.get("clubId").asString()).isEqualTo(clubId);
            assertThat(first.get("accountId").asString()).isEqualTo("acct-" + clubId);
            assertThat(first.get("promisedFen").asLong()).isEqualTo(10_000);
            assertThat(receipts.get(0).key()).as("keyed by its booking").isEqualTo(first.get("transactionId").asString());
        }
    }

    @Test
    void theFederationsSponsorshipGoesToItsSponsorshipFund() {
        long before = accounts.find("federation-sponsorship").orElseThrow().balanceFen();
        HttpProbe.Response recorded = Persona.PRESIDIUM.on(app()).postJson("/api/sponsorships", agreement(null, 50_000));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.json().get("accountId").asString()).isEqualTo("federation-sponsorship");
        assertThat(Persona.FINANCE_MEMBER.on(app()).postJson("/api/sponsorships/" + recorded.json().get("id").asString()
                + "/receipts", receipt(50_000)).status()).isEqualTo(201);
        assertThat(accounts.find("federation-sponsorship").orElseThrow().balanceFen() - before).isEqualTo(50_000);
    }

    @Test
    void aReceiptBookedByMistakeIsWithdrawnItsBookingReversedAndThePromiseOpenAgain() {
        String clubId = "sponsored-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, "围棋社", Persona.LEADER.subject(), List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accounts.find("acct-" + clubId).isPresent());
        HttpProbe finance = Persona.FINANCE_MEMBER.on(app());
        String id = finance.postJson("/api/sponsorships", agreement(clubId, 10_000)).json().get("id").asString();
        String receiptId = finance.postJson("/api/sponsorships/" + id + "/receipts", receipt(10_000)).json()
                .at("/receipt/id").asString();

        assertThat(Persona.LEADER.on(app()).postJson("/api/sponsorships/" + id + "/receipts/" + receiptId + "/withdrawal",
                "{\"reason\":\"mine\"}").status()).isEqualTo(403);
        HttpProbe.Response withdrawn = finance.postJson("/api/sponsorships/" + id + "/receipts/" + receiptId
                + "/withdrawal", "{\"reason\":\"the transfer bounced\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().at("/receipt/withdrawal/reason").asString()).isEqualTo("the transfer bounced");
        assertThat(withdrawn.json().at("/receipt/withdrawal/booked").asBoolean()).isTrue();
        assertThat(withdrawn.json().at("/sponsorship/receivedFen").asLong()).isZero();
        assertThat(accounts.find("acct-" + clubId).orElseThrow().balanceFen()).isZero();
        assertThat(finance.get("/api/ledger/transactions/rev-sponsorship-" + receiptId).json().get("reverses").asString())
                .isEqualTo("sponsorship-" + receiptId);

        assertThat(finance.postJson("/api/sponsorships/" + id + "/receipts/" + receiptId + "/withdrawal",
                "{\"reason\":\"again\"}").status()).isEqualTo(409);
        assertThat(finance.postJson("/api/sponsorships/" + id + "/receipts/nope/withdrawal",
                "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(finance.postJson("/api/sponsorships/" + id + "/receipts", receipt(10_000)).status())
                .as("the whole promise is outstanding again").isEqualTo(201);
        assertThat(accounts.find("acct-" + clubId).orElseThrow().balanceFen()).isEqualTo(10_000);
    }
}
