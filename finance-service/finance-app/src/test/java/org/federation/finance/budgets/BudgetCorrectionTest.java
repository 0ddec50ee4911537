package org.federation.finance.budgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.budgets.application.BudgetDesk;
import org.federation.finance.budgets.domain.Budget;
import org.federation.finance.budgets.domain.Budgets;
import org.federation.finance.ledger.application.Sweep;
import org.federation.finance.ledger.domain.Journal;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Correcting claims by withdrawing them, and releasing what remains of a budget: by hand, on cancellation, after the claim window. */
@FinanceServiceTest
class BudgetCorrectionTest extends EmbeddedBackboneProperties {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Budgets budgets;
    @Autowired
    Accounts accounts;
    @Autowired
    Journal journal;
    @Autowired
    Sweep sweep;
    @Autowired
    BudgetDesk desk;

    HttpProbe finance;
    HttpProbe leader;

    @BeforeEach
    void probes() {
        finance = Persona.FINANCE_MEMBER.on(app());
        leader = Persona.LEADER.on(app());
    }

    String approvedBudget(long fen) {
        String clubId = "correction-club-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, "摄影协会 " + clubId.substring(16, 22), Persona.LEADER.subject(),
                List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accounts.find("acct-" + clubId).isPresent());
        String activity = "activity-" + UUID.randomUUID();
        BudgetFacts.publish(BudgetFacts.requested(activity, clubId, fen, 1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> budgets.find(activity).isPresent());
        assertThat(finance.postJson("/api/budgets/" + activity + "/approval", "{\"approvedFen\":" + fen + "}").status())
                .isEqualTo(200);
        return activity;
    }

    String claimed(String activity, long fen) {
        HttpProbe.Response claimed = leader.postJson("/api/budgets/" + activity + "/claims", BudgetServiceTest.claim(fen));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
        return claimed.json().at("/claim/id").asString();
    }

    String clubAccountOf(String activity) {
        return budgets.find(activity).orElseThrow().fundingAccountId();
    }

    @Test
    void aWithdrawnClaimIsReversedInTheLedgerAndItsAmountMayBeClaimedAgain() {
        String activity = approvedBudget(10_000);
        String wrong = claimed(activity, 8_000);
        String account = clubAccountOf(activity);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            HttpProbe.Response withdrawn = leader.postJson("/api/budgets/" + activity + "/claims/" + wrong + "/withdrawal",
                    "{\"reason\":\"typed 8000 instead of 800\"}");
            assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
            assertThat(withdrawn.json().at("/claim/withdrawal/reason").asString()).isEqualTo("typed 8000 instead of 800");
            assertThat(withdrawn.json().at("/claim/withdrawal/booked").asBoolean()).isTrue();
            assertThat(withdrawn.json().at("/budget/spentFen").asLong()).isZero();
            assertThat(withdrawn.json().at("/budget/remainingFen").asLong()).isEqualTo(10_000);

            TopicProbe.Seen withdrawal = probe.await(s -> activity.equals(s.key())
                    && s.type().endsWith("activity-spending-changed.v1") && s.payload().contains("\"withdrawn\":true"),
                    Duration.ofSeconds(20)).get(0);
            assertThat(withdrawal.headers()).as("withdrawn by the club's leader")
                    .containsEntry("ce_actor", Persona.LEADER.subject());
            JsonNode spending = json.readTree(withdrawal.payload());
            assertThat(spending.get("claimId").asString()).isEqualTo(wrong);
            assertThat(spending.at("/budget/spentFen").asLong()).isZero();
        }
        var reversal = journal.find("rev-claim-" + wrong).orElseThrow();
        assertThat(reversal.reverses()).isEqualTo("claim-" + wrong);
        assertThat(accounts.find(account).orElseThrow().balanceFen()).as("the money is back").isZero();

        String right = claimed(activity, 800);
        assertThat(budgets.find(activity).orElseThrow().remainingFen()).isEqualTo(9_200);
        assertThat(accounts.find(account).orElseThrow().balanceFen()).isEqualTo(-800);

        HttpProbe.Response twice = leader.postJson("/api/budgets/" + activity + "/claims/" + wrong + "/withdrawal",
                "{\"reason\":\"again\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("already withdrawn");
        assertThat(leader.postJson("/api/budgets/" + activity + "/claims/no-such-claim/withdrawal",
                "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(leader.postJson("/api/budgets/" + activity + "/claims/" + wrong + "/withdrawal", "{}").status())
                .as("a reason is required").isEqualTo(400);
        assertThat(Persona.OTHER_LEADER.on(app()).postJson("/api/budgets/" + activity + "/claims/" + wrong
                + "/withdrawal", "{\"reason\":\"not mine\"}").status()).isEqualTo(403);
        assertThat(finance.postJson("/api/ledger/transactions/claim-" + right + "/reversal", "{\"reason\":\"x\"}").status())
                .as("a claim is corrected where it lives, not in the ledger").isEqualTo(409);
    }

    /** Dissolves the club whose account funds the activity's budget and waits until the account is settled. */
    void dissolveTheClubOf(String activity) {
        String account = clubAccountOf(activity);
        String clubId = account.substring("acct-".length());
        ClubFacts.publish(ClubFacts.dissolutionRequested(clubId, "摄影协会", Persona.LEADER.subject(), 2));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                "settled".equals(accounts.find(account).orElseThrow().state()));
    }

    @Test
    void aClaimWhoseClubsAccountClosedIsNotWithdrawnAndNothingIsRecorded() {
        String activity = approvedBudget(5_000);
        String claimId = claimed(activity, 3_000);
        dissolveTheClubOf(activity);

        HttpProbe.Response refused = leader.postJson("/api/budgets/" + activity + "/claims/" + claimId + "/withdrawal",
                "{\"reason\":\"duplicate receipt\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains(clubAccountOf(activity)).contains("settled");
        Budget budget = budgets.find(activity).orElseThrow();
        assertThat(budget.claim(claimId).withdrawn()).as("the withdrawal is not recorded").isFalse();
        assertThat(budget.spentFen()).isEqualTo(3_000);
        assertThat(journal.find("rev-claim-" + claimId)).isEmpty();
    }

    @Test
    void aWithdrawalRecordedBeforeTheClubsAccountClosedIsStillReversedByTheSweepAndItsMoneyMovesOn() {
        String activity = approvedBudget(5_000);
        String claimId = claimed(activity, 3_000);
        String account = clubAccountOf(activity);
        // the withdrawal is stored, its reversal not written (a crash); then the club is dissolved
        budgets.change(activity, current -> current.withdraw(claimId, "withdrawal-before-closing", "duplicate receipt",
                Persona.LEADER.subject(), Instant.now().minusSeconds(120)));
        dissolveTheClubOf(activity);

        sweep.sweep(Instant.now());
        sweep.sweep(Instant.now());

        assertThat(journal.find("rev-claim-" + claimId)).as("reversed though the account closed meanwhile").isPresent();
        assertThat(budgets.find(activity).orElseThrow().claim(claimId).withdrawal().booked()).isTrue();
        assertThat(accounts.find(account).orElseThrow().balanceFen())
                .as("settled at -3,000; the 3,000 the reversal brought back after closing moved on to where the balance went")
                .isZero();
    }

    @Test
    void aWithdrawalInterruptedBeforeItsReversalIsReversedByTheSweepOnce() {
        String activity = approvedBudget(5_000);
        String claimId = claimed(activity, 3_000);
        String account = clubAccountOf(activity);
        // the crash: the withdrawal is stored, the reversal never written
        budgets.change(activity, current -> current.withdraw(claimId, "withdrawal-test", "duplicate receipt", Persona.LEADER.subject(),
                Instant.now().minusSeconds(120)));
        assertThat(journal.find("rev-claim-" + claimId)).isEmpty();

        sweep.sweep(Instant.now());
        sweep.sweep(Instant.now());

        assertThat(journal.find("rev-claim-" + claimId)).isPresent();
        assertThat(accounts.find(account).orElseThrow().balanceFen()).isZero();
        assertThat(budgets.find(activity).orElseThrow().claim(claimId).withdrawal().booked()).isTrue();
    }

    @Test
    void theFinanceDepartmentClosesABudgetReleasingWhatRemainsAndNoClaimPassesAfter() {
        String activity = approvedBudget(6_000);
        claimed(activity, 1_000);

        assertThat(leader.postJson("/api/budgets/" + activity + "/closure", "{\"reason\":\"done\"}").status())
                .isEqualTo(403);
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            HttpProbe.Response closed = finance.postJson("/api/budgets/" + activity + "/closure",
                    "{\"reason\":\"the club says all receipts are in\"}");
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            assertThat(closed.json().get("state").asString()).isEqualTo("closed");
            assertThat(closed.json().at("/closure/releasedFen").asLong()).isEqualTo(5_000);
            assertThat(closed.json().get("remainingFen").asLong()).isZero();

            TopicProbe.Seen closing = probe.await(s -> activity.equals(s.key())
                    && s.type().equals("org.federation.finance.budget-closed.v1"), Duration.ofSeconds(20)).get(0);
            assertThat(closing.headers()).as("closed by the Finance Department member")
                    .containsEntry("ce_actor", Persona.FINANCE_MEMBER.subject());
            JsonNode event = json.readTree(closing.payload());
            assertThat(event.get("releasedFen").asLong()).isEqualTo(5_000);
            assertThat(event.get("cause").asString()).isEqualTo("closed-by-finance");
            assertThat(event.at("/budget/state").asString()).isEqualTo("closed");
        }
        HttpProbe.Response late = leader.postJson("/api/budgets/" + activity + "/claims", BudgetServiceTest.claim(100));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("currentState").asString()).isEqualTo("closed");
        assertThat(finance.postJson("/api/budgets/" + activity + "/closure", "{\"reason\":\"again\"}").status())
                .isEqualTo(409);
        assertThat(finance.get("/api/budgets?state=closed").json().toString()).contains(activity);
    }

    @Test
    void aCancelledActivitysBudgetClosesOnceHoweverOftenTheEventArrives() {
        String activity = approvedBudget(4_000);
        String clubId = budgets.find(activity).orElseThrow().clubId();
        Instant end = Instant.now().plus(Duration.ofDays(10));
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            BudgetFacts.publish(BudgetFacts.published(activity, clubId, end, 2), BudgetFacts.cancelled(activity, clubId,
                    end, 3), BudgetFacts.cancelled(activity, clubId, end, 3));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Budget.CLOSED.equals(
                    budgets.find(activity).orElseThrow().state()));
            assertThat(probe.await(s -> activity.equals(s.key()) && s.type().endsWith("budget-closed.v1"),
                    Duration.ofSeconds(20)).get(0).headers()).as("nobody closed it in person")
                    .containsEntry("ce_actor", "system");
            assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(s -> activity.equals(s.key())
                    && s.type().endsWith("budget-closed.v1"))).as("closed once").hasSize(1);
        }
        Budget closed = budgets.find(activity).orElseThrow();
        assertThat(closed.closure().cause()).isEqualTo(Budget.ACTIVITY_CANCELLED);
        assertThat(closed.closure().reason()).contains("rain");
        assertThat(closed.closure().releasedFen()).isEqualTo(4_000);
    }

    @Test
    void aBudgetClosesWhenItsActivityEndedLongerAgoThanTheClaimWindow() {
        String ended = approvedBudget(3_000);
        String recent = approvedBudget(3_000);
        String clubOfEnded = budgets.find(ended).orElseThrow().clubId();
        String clubOfRecent = budgets.find(recent).orElseThrow().clubId();
        BudgetFacts.publish(BudgetFacts.published(ended, clubOfEnded, Instant.now().minus(Duration.ofDays(31)), 2),
                BudgetFacts.published(recent, clubOfRecent, Instant.now().minus(Duration.ofDays(29)), 2));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> budgets.find(ended).orElseThrow().activityEndsAt() != null
                && budgets.find(recent).orElseThrow().activityEndsAt() != null);

        desk.closeAfterClaimWindow(Duration.ofDays(30));
        desk.closeAfterClaimWindow(Duration.ofDays(30));

        Budget closed = budgets.find(ended).orElseThrow();
        assertThat(closed.state()).isEqualTo(Budget.CLOSED);
        assertThat(closed.closure().cause()).isEqualTo(Budget.CLAIM_WINDOW_PASSED);
        assertThat(closed.closure().releasedFen()).isEqualTo(3_000);
        assertThat(budgets.find(recent).orElseThrow().state()).as("still within its window").isEqualTo(Budget.APPROVED);
    }
}
