package org.federation.finance.fees;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.fees.domain.FeeYear;
import org.federation.finance.fees.domain.FeeYears;
import org.federation.finance.ledger.application.Sweep;
import org.federation.finance.ledger.domain.Journal;
import org.federation.platform.testing.HttpCall;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.federation.platform.testing.StoredData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Fee rules per club and year, payments one by one and as an all-or-nothing CSV batch, booked in the ledger. */
@FinanceServiceTest
class FeeServiceTest extends EmbeddedBackboneProperties {

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    static final String YEAR = "2026-2027";
    static final LocalDate D1 = LocalDate.now().minusDays(3);
    static final LocalDate D2 = LocalDate.now().minusDays(2);

    @Autowired
    Accounts accounts;
    @Autowired
    FeeYears years;
    @Autowired
    Journal journal;
    @Autowired
    Sweep sweep;

    String clubWithMembers(List<String> members) {
        String clubId = "fees-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, "英语角 " + clubId.substring(5, 10), Persona.LEADER.subject(), members));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accounts.find("acct-" + clubId).isPresent());
        return clubId;
    }

    long balance(String account) {
        return accounts.find(account).orElseThrow().balanceFen();
    }

    HttpProbe.Response setFee(HttpProbe as, String clubId, long fen) {
        return as.send(new HttpCall("PUT", "/api/clubs/" + clubId + "/fees/" + YEAR, "application/json",
                "{\"amountFen\":" + fen + ",\"dueOn\":\"2026-10-31\"}"));
    }

    @Test
    void aMembersPaymentIsRecordedOnceAndBookedIntoTheClubsAccount() {
        HttpProbe leader = Persona.LEADER.on(app());
        String clubId = clubWithMembers(List.of("2026000001", "2026000002"));
        String account = "acct-" + clubId;
        assertThat(setFee(Persona.MEMBER.on(app()), clubId, 5000).status()).isEqualTo(403);
        assertThat(setFee(leader, clubId, 5000).status()).isEqualTo(200);
        assertThat(setFee(leader, clubId, 6000).status()).as("no payment yet: may change").isEqualTo(200);
        long incomeBefore = balance("federation-income-fees");

        HttpProbe.Response paid = leader.postJson("/api/clubs/" + clubId + "/fees/" + YEAR + "/payments",
                "{\"studentNumber\":\"2026000001\",\"paidOn\":\"" + D1 + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(balance(account)).isEqualTo(6000);
        assertThat(balance("federation-income-fees") - incomeBefore).isEqualTo(6000);
        HttpProbe.Response twice = leader.postJson("/api/clubs/" + clubId + "/fees/" + YEAR + "/payments",
                "{\"studentNumber\":\"2026000001\",\"paidOn\":\"" + D1 + "\"}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("has paid the 2026-2027 fee already");
        assertThat(setFee(leader, clubId, 5000).status()).as("someone paid 6000").isEqualTo(409);

        JsonNode view = leader.get("/api/clubs/" + clubId + "/fees/" + YEAR).json();
        assertThat(view.at("/fees/paid/2026000001/amountFen").asLong()).isEqualTo(6000);
        assertThat(view.get("unpaid").valueStream().map(JsonNode::asString))
                .containsExactly("2026000002", Persona.LEADER.subject());

        String transaction = paid.json().get("transactionIds").get(0).asString();
        assertThat(Persona.FINANCE_MEMBER.on(app()).postJson("/api/ledger/transactions/" + transaction + "/reversal",
                "{\"reason\":\"paid in cash to the wrong club\"}").status()).isEqualTo(201);
        assertThat(balance(account)).isZero();
        assertThat(leader.get("/api/clubs/" + clubId + "/fees/" + YEAR).json().get("unpaid").size())
                .as("the reversed payment frees the member").isEqualTo(3);
        assertThat(leader.postJson("/api/clubs/" + clubId + "/fees/" + YEAR + "/payments",
                "{\"studentNumber\":\"2026000001\",\"paidOn\":\"" + D2 + "\"}").status()).isEqualTo(201);
        assertThat(balance(account)).isEqualTo(6000);

        // issue 19: the booking's transaction-posted, then the fee payment itself, by the leader who recorded it
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            List<TopicProbe.Seen> seen = probe.awaitAtLeast(s -> transaction.equals(s.key()), 2, Duration.ofSeconds(20));
            assertThat(seen).extracting(TopicProbe.Seen::type).containsExactly(FinanceEventTypes.TRANSACTION_POSTED,
                    FinanceEventTypes.FEE_PAYMENT_RECORDED);
            assertThat(seen).extracting(s -> s.headers().get("ce_actor")).containsOnly(Persona.LEADER.subject());
            JsonNode fee = JSON.readTree(seen.get(1).payload());
            assertThat(fee.get("clubId").asString()).isEqualTo(clubId);
            assertThat(fee.get("academicYear").asString()).isEqualTo(YEAR);
            assertThat(fee.get("paidOn").asString()).isEqualTo(D1.toString());
            assertThat(fee.at("/payments/0/studentNumber").asString()).isEqualTo("2026000001");
            assertThat(fee.get("totalFen").asLong()).isEqualTo(6000);
            assertThat(probe.drain(Duration.ofMillis(300)).stream().filter(s -> s.type().equals(FinanceEventTypes.FEE_PAYMENT_RECORDED)
                    && s.payload().contains(clubId))).as("the refused second payment told nothing; the new one did").hasSize(2);
        }
    }

    @Test
    void aCsvBatchIsAllOrNothingNamingEveryWrongRowAndGoodOnesAreBookedPerPaymentDate() {
        HttpProbe leader = Persona.LEADER.on(app());
        String clubId = clubWithMembers(List.of("2026000011", "2026000012", "2026000013"));
        String account = "acct-" + clubId;
        assertThat(setFee(leader, clubId, 3000).status()).isEqualTo(200);
        Map<String, List<String>> before = StoredData.of(mongo);

        HttpProbe.Response refused = leader.post("/api/clubs/" + clubId + "/fees/" + YEAR + "/payments/import", "text/csv",
                String.join("\n", "studentNumber,amountFen,paidOn",
                        "2026000011,3000," + D1,
                        "2099999999,3000," + D1,
                        "2026000012,2500," + D2,
                        "2026000011,3000," + D2,
                        "2026000013,3000," + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1),
                        "2026000013,30.5,someday"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode rejected = refused.json().get("rejected");
        assertThat(rejected.valueStream().map(r -> r.get("line").asInt())).containsExactly(3, 4, 5, 6, 7);
        assertThat(rejected.get(0).toString()).contains("not a member");
        assertThat(rejected.get(1).toString()).contains("is 3000 fen, not 2500");
        assertThat(rejected.get(2).toString()).contains("also on line 2");
        assertThat(rejected.get(3).toString()).contains("in the future");
        assertThat(rejected.get(4).toString()).contains("not a whole number").contains("not an ISO date");
        assertThat(StoredData.of(mongo).get("fee_years")).as("nothing recorded").isEqualTo(before.get("fee_years"));
        assertThat(balance(account)).isZero();

        HttpProbe.Response recorded = leader.post("/api/clubs/" + clubId + "/fees/" + YEAR + "/payments/import", "text/csv",
                String.join("\r\n", "paidOn,studentNumber,amountFen", D1 + ",2026000011,3000", D2 + ",2026000012,3000",
                        D2 + "," + Persona.LEADER.subject() + ",3000", ""));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("payments").asInt()).isEqualTo(3);
        assertThat(recorded.json().get("transactionIds").size()).as("one transaction per payment date").isEqualTo(2);
        assertThat(balance(account)).isEqualTo(9000);
        assertThat(journal.find(recorded.json().get("transactionIds").get(1).asString()).orElseThrow().bookedOn())
                .isEqualTo(D2);
        FeeYear year = years.find(clubId, YEAR).orElseThrow();
        assertThat(year.batches()).singleElement().matches(FeeYear.Batch::booked);
    }

    @Test
    void aBatchRecordedButNotBookedBeforeACrashIsBookedByTheSweepOnce() {
        String clubId = clubWithMembers(List.of("2026000021"));
        assertThat(setFee(Persona.FINANCE_MEMBER.on(app()), clubId, 1200).status()).isEqualTo(200);
        String batchId = "crashed-" + UUID.randomUUID();
        Instant earlier = Instant.now().minusSeconds(120);
        years.record(FeeYear.idOf(clubId, YEAR), new FeeYear.Batch(batchId, 1, 1200, "2023010001", earlier, false),
                Map.of("2026000021", new FeeYear.Payment(batchId, D1, 1200, FeeYear.transactionIdOf(batchId, D1), "2023010001")));
        sweep.sweep(Instant.now());
        sweep.sweep(Instant.now());
        assertThat(balance("acct-" + clubId)).isEqualTo(1200);
        assertThat(journal.find(FeeYear.transactionIdOf(batchId, D1))).isPresent();
        assertThat(years.find(clubId, YEAR).orElseThrow().batches()).singleElement().matches(FeeYear.Batch::booked);
    }
}
