package org.federation.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.ledger.application.Sweep;
import org.federation.finance.ledger.domain.Journal;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.finance.CausedBy;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.federation.platform.testing.TopicProbe;
import org.federation.finance.contracts.FinanceEventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ledger through HTTP and events: booking, reversing, settling, merging, and finishing after a crash. */
@FinanceServiceTest
class LedgerServiceTest extends EmbeddedBackboneProperties {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Accounts accounts;
    @Autowired
    Journal journal;
    @Autowired
    Sweep sweep;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /** {@code federation.ledger.postings{kind}} so far (issue 21). */
    private double postings(String kind) {
        var counter = meters.find("federation.ledger.postings").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    HttpProbe finance() {
        return Persona.FINANCE_MEMBER.on(app());
    }

    String club(String name) {
        String clubId = "ledger-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, name, "2023010001", List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accounts.find("acct-" + clubId).isPresent());
        return clubId;
    }

    long balance(String account) {
        return accounts.find(account).orElseThrow().balanceFen();
    }

    HttpProbe.Response book(String debit, String credit, long fen) {
        return finance().postJson("/api/ledger/transactions", """
                {"category":"grant","description":"grant from the university","bookedOn":"%s",
                 "lines":[{"accountId":"%s","side":"debit","amountFen":%d},{"accountId":"%s","side":"credit","amountFen":%d}]}"""
                .formatted(LocalDate.now().minusDays(1), debit, fen, credit, fen));
    }

    @Test
    void bookingAndReversingMoveBalancesBothWaysAndAReversalHappensOnce() {
        String club = "acct-" + club("围棋社");
        long incomeBefore = balance("federation-income-other");
        double manualBefore = postings("manual");
        double reversalsBefore = postings("reversal");
        HttpProbe.Response booked = book(club, "federation-income-other", 12_345);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.json().get("id").asString();
        assertThat(booked.json().get("posting").asString()).isEqualTo("done");
        assertThat(booked.json().get("actor").asString()).isEqualTo(Persona.FINANCE_MEMBER.subject());
        assertThat(balance(club)).isEqualTo(12_345);
        assertThat(balance("federation-income-other") - incomeBefore).isEqualTo(12_345);

        HttpProbe.Response reversed = finance().postJson("/api/ledger/transactions/" + id + "/reversal",
                "{\"reason\":\"booked on the wrong club\"}");
        assertThat(reversed.status()).as(reversed.body()).isEqualTo(201);
        assertThat(reversed.json().get("reverses").asString()).isEqualTo(id);
        assertThat(balance(club)).isZero();
        HttpProbe.Response again = finance().postJson("/api/ledger/transactions/" + id + "/reversal", "{\"reason\":\"again\"}");
        assertThat(again.json().get("id").asString()).isEqualTo(reversed.json().get("id").asString());
        assertThat(balance(club)).as("reversed once only").isZero();
        assertThat(finance().postJson("/api/ledger/transactions/" + reversed.json().get("id").asString() + "/reversal",
                "{\"reason\":\"undo the undo\"}").status()).isEqualTo(409);

        assertThat(postings("manual") - manualBefore).as("postings by kind, once each").isEqualTo(1);
        assertThat(postings("reversal") - reversalsBefore).isEqualTo(1);
        JsonNode entries = Persona.PRESIDIUM.on(app()).get("/api/accounts/" + club + "/transactions").json();
        assertThat(entries.get("totalItems").asInt()).isEqualTo(2);
        assertThat(book(club, "federation-income-other", 0).status()).isEqualTo(400);
        HttpProbe.Response unbalanced = finance().postJson("/api/ledger/transactions", """
                {"category":"grant","description":"x","bookedOn":"2026-01-05",
                 "lines":[{"accountId":"%s","side":"debit","amountFen":100},{"accountId":"federation-income-other","side":"credit","amountFen":90}]}"""
                .formatted(club));
        assertThat(unbalanced.status()).isEqualTo(422);
        assertThat(unbalanced.body()).contains("debits (100 fen) must equal credits (90 fen)");

        // issue 19: the posting and its reversal are events (key = transaction id), each once, by who booked it
        String reversal = reversed.json().get("id").asString();
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            TopicProbe.Seen posted = probe.await(s -> id.equals(s.key()), Duration.ofSeconds(20)).get(0);
            assertThat(posted.type()).isEqualTo(FinanceEventTypes.TRANSACTION_POSTED);
            assertThat(posted.headers()).containsEntry("ce_actor", Persona.FINANCE_MEMBER.subject()).containsEntry("ce_subject", id);
            JsonNode transaction = json.readTree(posted.payload()).get("transaction");
            assertThat(transaction.get("kind").asString()).isEqualTo("manual");
            assertThat(transaction.get("totalFen").asLong()).isEqualTo(12_345);
            assertThat(transaction.get("lines").get(0).get("accountId").asString()).isEqualTo(club);
            TopicProbe.Seen undone = probe.await(s -> reversal.equals(s.key()), Duration.ofSeconds(20)).get(0);
            assertThat(undone.type()).isEqualTo(FinanceEventTypes.TRANSACTION_REVERSED);
            assertThat(undone.headers()).containsEntry("ce_actor", Persona.FINANCE_MEMBER.subject());
            assertThat(json.readTree(undone.payload()).get("reverses").asString()).isEqualTo(id);
            assertThat(json.readTree(undone.payload()).at("/reversal/lines/0/side").asString()).isEqualTo("credit");
            assertThat(probe.drain(Duration.ofMillis(300)).stream().filter(s -> id.equals(s.key()) || reversal.equals(s.key())))
                    .as("the repeated reversal and the refused ones told nothing").hasSize(2);
        }
    }

    @Test
    void aDissolvingClubsRealBalanceMovesToTheGeneralFundOnceAndTheAccountTakesNoMore() {
        String clubId = club("书法社");
        String account = "acct-" + clubId;
        assertThat(book(account, "federation-income-other", 8_800).status()).isEqualTo(201);
        long generalBefore = balance("federation-general");

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            var asked = CausedBy.person(Persona.PRESIDIUM, ClubFacts.dissolutionRequested(clubId, "书法社", "2023010001", 2));
            ClubFacts.publish(asked, asked);
            TopicProbe.Seen settled = probe.await(s -> account.equals(s.key())
                    && "org.federation.finance.account-settled.v1".equals(s.type()), Duration.ofSeconds(20)).get(0);
            assertThat(settled.headers()).as("settled because the Presidium asked the club to dissolve")
                    .containsEntry("ce_actor", Persona.PRESIDIUM.subject());
            JsonNode payload = json.readTree(settled.payload());
            assertThat(payload.get("settledBalanceFen").asLong()).isEqualTo(8_800);
            assertThat(payload.at("/account/balanceFen").asLong()).isZero();
            assertThat(payload.get("movedTo").asString()).isEqualTo("federation-general");
        }
        assertThat(balance(account)).isZero();
        assertThat(balance("federation-general") - generalBefore).isEqualTo(8_800);
        Transaction settlement = journal.find("settle-" + account).orElseThrow();
        assertThat(settlement.kind()).isEqualTo("settlement");
        assertThat(book(account, "federation-income-other", 1).status()).as("a settled account takes no more").isEqualTo(409);
    }

    @Test
    void aMergedAwayClubsBalanceMovesToItsSuccessorExactlyOnceEvenBeforeTheSuccessorIsKnown() {
        String awayId = club("摄影协会");
        String away = "acct-" + awayId;
        assertThat(book(away, "federation-income-other", 4_200).status()).isEqualTo(201);
        String successorId = "successor-" + UUID.randomUUID();
        String mergerId = "merger-" + UUID.randomUUID();
        ClubSnapshot successor = new ClubSnapshot(successorId, "影像艺术协会", "arts-culture", "active",
                LocalDate.of(2026, 9, 1), null, List.of(new ClubLeader("2023010001", "李雷", "president")), List.of(),
                null, null, "c@example.edu");
        ClubSnapshot merged = new ClubSnapshot(awayId, "摄影协会", "sports", "merged", LocalDate.of(2015, 9, 1), null,
                List.of(), List.of(), null, successorId, "c@example.edu");
        var event = CausedBy.person(Persona.PRESIDIUM, RawEvents.envelope(ClubEventTypes.MERGED, "/club-service", awayId, 2,
                json.writeValueAsString(new ClubMerged(merged, successor, List.of(awayId), mergerId))));
        var forSuccessor = CausedBy.person(Persona.PRESIDIUM, RawEvents.envelope(ClubEventTypes.MERGED, "/club-service",
                successorId, 1, json.writeValueAsString(new ClubMerged(successor, successor, List.of(awayId), mergerId))));
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            ClubFacts.publish(event, forSuccessor, event);
            TopicProbe.Seen mergedAway = probe.await(s -> away.equals(s.key())
                    && "org.federation.finance.account-merged.v1".equals(s.type()), Duration.ofSeconds(20)).get(0);
            assertThat(mergedAway.headers()).as("merged because the Presidium merged the clubs")
                    .containsEntry("ce_actor", Persona.PRESIDIUM.subject());
            JsonNode payload = json.readTree(mergedAway.payload());
            assertThat(payload.get("movedFen").asLong()).isEqualTo(4_200);
            assertThat(payload.get("successorAccountId").asString()).isEqualTo("acct-" + successorId);
            assertThat(payload.at("/account/state").asString()).isEqualTo("merged");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> balance("acct-" + successorId) == 4_200);
        assertThat(balance(away)).isZero();
        assertThat(accounts.find(away).orElseThrow().state()).isEqualTo("merged");
        assertThat(accounts.find("acct-" + successorId).orElseThrow().name()).isEqualTo("影像艺术协会");
    }

    @Autowired
    org.federation.finance.ledger.application.LedgerAudit audit;

    @Test
    void anAccountWhoseBalanceIsNotItsTransactionsSumIsReportedOnceTwoAuditsSeeIt() {
        String account = "acct-" + club("审计社");
        assertThat(book(account, "federation-income-other", 500).status()).isEqualTo(201);
        assertThat(audit.audit()).doesNotContainKey(account);
        // a posting marked done without moving the balance (the defect fixed in 9645754): 100 fen missing
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(account)),
                new org.springframework.data.mongodb.core.query.Update().inc("balanceFen", -100), "accounts");

        assertThat(audit.audit()).as("seen once: perhaps a posting finishing").doesNotContainKey(account);
        assertThat(audit.audit()).as("seen twice in a row").containsEntry(account, -100L);
        assertThat(meters.get("federation.ledger.accounts.out.of.balance").gauge().value()).isGreaterThanOrEqualTo(1);

        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(account)),
                new org.springframework.data.mongodb.core.query.Update().inc("balanceFen", 100), "accounts");
        assertThat(audit.audit()).doesNotContainKey(account);
    }

    @Test
    void whatACrashLeftPendingIsFinishedOnceByTheSweepAndLateBookingsOnClosedAccountsMoveOn() {
        String club = "acct-" + club("棋牌社");
        Transaction interrupted = Transaction.create("crash-" + UUID.randomUUID(), Transaction.MANUAL, "grant",
                "written, then the instance died", "test", new Transaction.Source("manual", null, null), LocalDate.now(),
                Instant.now(), List.of(Line.debit(club, 500, null), Line.credit("federation-income-other", 500, null)), null);
        mongo.insert(interrupted, "transactions");
        assertThat(balance(club)).isZero();
        sweep.sweep(Instant.now().plusSeconds(1));
        sweep.sweep(Instant.now().plusSeconds(1));
        assertThat(journal.find(interrupted.id()).orElseThrow().isDone()).isTrue();
        assertThat(balance(club)).as("applied exactly once").isEqualTo(500);

        accounts.change(club, current -> current.settle(0, "test")); // closed with money still on it
        long generalBefore = balance("federation-general");
        sweep.sweep(Instant.now().plusSeconds(1));
        sweep.sweep(Instant.now().plusSeconds(1));
        assertThat(balance(club)).isZero();
        assertThat(balance("federation-general") - generalBefore).as("moved on once").isEqualTo(500);
    }

    @Test
    void aMergerThatDoesNotNameItsSuccessorGoesToTheDeadLetterTopicAndMovesNothing() {
        String awayId = club("桌游社");
        assertThat(book("acct-" + awayId, "federation-income-other", 300).status()).isEqualTo(201);
        ClubSnapshot merged = new ClubSnapshot(awayId, "桌游社", "sports", "merged", LocalDate.of(2015, 9, 1), null,
                List.of(), List.of(), null, null, "c@example.edu");
        var event = RawEvents.envelope(ClubEventTypes.MERGED, "/club-service", awayId, 2,
                json.writeValueAsString(new ClubMerged(merged, null, List.of(awayId), "merger-x")));
        ClubFacts.publish(event);
        try (TopicProbe dlq = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events.finance-service.dlq")) {
            assertThat(dlq.await(s -> awayId.equals(s.key()), Duration.ofSeconds(20)).get(0).headers()
                    .get("x-exception-message")).contains("a merger needs successor");
        }
        assertThat(balance("acct-" + awayId)).isEqualTo(300);
        assertThat(accounts.find("acct-" + awayId).orElseThrow().state()).isEqualTo("open");
    }
}
