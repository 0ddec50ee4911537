package org.federation.finance.budgets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.federation.finance.contracts.ActivitySpendingChanged;
import org.federation.finance.contracts.BudgetClosed;
import org.federation.finance.contracts.BudgetDecided;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.junit.jupiter.api.Test;

/** The budget's rules and the events it returns, in plain Java: no application context, no store. */
class BudgetTest {

    private static final Instant NOW = Instant.parse("2026-10-01T08:00:00Z");
    private static final String TREASURER = "person:2020000001";
    private static final String CLAIMANT = "person:2024000007";

    private static Budget requested() {
        return Budget.requested("act-1", "Autumn hike", "club-1", List.of("club-1", "club-2"), "activities", 10_000,
                "buses", "person:2024000007", 3, NOW);
    }

    private static Budget approved(long amountFen) {
        return requested().approve(amountFen, "acct-club-1", "ok", TREASURER, NOW, "decision-1").state();
    }

    /** What the store does when it accepts a claim (the conditional update), so the domain's later steps can be tried. */
    private static Budget withClaim(Budget budget, String claimId, long amountFen, boolean booked) {
        budget.checkClaim(amountFen);
        List<Budget.Claim> claims = new ArrayList<>(budget.claims());
        claims.add(new Budget.Claim(claimId, amountFen, "transport", "bus", "Bus Co", new Budget.Receipt("R1",
                LocalDate.of(2026, 10, 2), "Bus Co"), LocalDate.of(2026, 10, 2), CLAIMANT, NOW,
                Budget.Claim.transactionIdOf(claimId), booked, null));
        return new Budget(budget.id(), budget.title(), budget.clubId(), budget.department(), budget.requestedFen(),
                budget.purpose(), budget.requestedBy(), budget.requestSequence(), budget.requestedAt(), budget.state(),
                budget.approvedFen(), budget.spentFen() + amountFen, budget.remainingFen() - amountFen,
                budget.fundingAccountId(), budget.decidedBy(), budget.decidedAt(), budget.note(), budget.decisionId(),
                claims, budget.activityEndsAt(), budget.closure(), budget.organiserClubIds());
    }

    private static DomainEvent onlyEvent(Decision<?> decision, String type) {
        assertThat(decision.events()).hasSize(1);
        DomainEvent event = decision.events().get(0);
        assertThat(event.type()).isEqualTo(type);
        return event;
    }

    @Test
    void aRequestIsOrganisedByEveryOrganisingClubAndOldDocumentsByTheirPayingClub() {
        assertThat(requested().organisedBy("club-2")).isTrue();
        assertThat(requested().organisedBy("club-3")).isFalse();
        assertThat(requested().organisedBy(null)).isFalse();
        Budget stored = Budget.requested("act-1", "t", "club-9", "activities", 1, "p", "x", 1, NOW);
        assertThat(stored.organiserClubIds()).containsExactly("club-9");
        assertThat(stored.allowedActions()).containsExactly("approve", "reject", "close");
    }

    @Test
    void aNewerRequestReplacesAnUndecidedOneQuietlyAndAnOlderOrRepeatedOneChangesNothing() {
        Budget newer = Budget.requested("act-1", "Winter hike", "club-1", "activities", 20_000, "more buses", "x", 4, NOW);
        Decision<Budget> replaced = requested().requestedAgain(newer);
        assertThat(replaced.events()).isEmpty();
        assertThat(replaced.state().requestedFen()).isEqualTo(20_000);
        assertThat(replaced.state().title()).isEqualTo("Winter hike");
        assertThat(replaced.state().requestSequence()).isEqualTo(4);

        Budget older = Budget.requested("act-1", "Old", "club-1", "activities", 5, "p", "x", 3, NOW);
        assertThat(requested().requestedAgain(older).changesNothing(requested())).isTrue();
        assertThat(approved(10_000).requestedAgain(newer).state().requestedFen()).isEqualTo(10_000);
    }

    @Test
    void approvingInFullOrInPartPublishesTheDecisionWithTheAmountToSpend() {
        Decision<Budget> full = requested().approve(10_000, "acct-club-1", "fine", TREASURER, NOW, "d-1");
        assertThat(full.state().state()).isEqualTo(Budget.APPROVED);
        assertThat(full.state().remainingFen()).isEqualTo(10_000);
        assertThat(full.state().decidedBy()).isEqualTo(TREASURER);
        DomainEvent event = onlyEvent(full, FinanceEventTypes.BUDGET_DECIDED);
        assertThat(event.actor()).isEqualTo(TREASURER);
        BudgetDecided decided = (BudgetDecided) event.payload();
        assertThat(decided.decision()).isEqualTo("approved");
        assertThat(decided.budget().approvedFen()).isEqualTo(10_000);

        Decision<Budget> part = requested().approve(4_000, "acct-club-1", "half", TREASURER, NOW, "d-1");
        assertThat(((BudgetDecided) onlyEvent(part, FinanceEventTypes.BUDGET_DECIDED).payload()).decision())
                .isEqualTo("partly-approved");
        assertThat(part.state().remainingFen()).isEqualTo(4_000);
        assertThat(part.state().allowedActions()).containsExactly("claim", "withdraw-claim", "close");
    }

    @Test
    void anApprovalOutsideOneFenToTheRequestIsRefused() {
        assertThatThrownBy(() -> requested().approve(0, "acct", "n", TREASURER, NOW, "d"))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> requested().approve(10_001, "acct", "n", TREASURER, NOW, "d"))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aRetriedDecisionChangesNothingAndAnotherDecisionOnADecidedBudgetIsAnIllegalTransition() {
        Budget approved = approved(10_000);
        assertThat(approved.approve(10_000, "acct-club-1", "ok", TREASURER, NOW, "decision-1").changesNothing(approved))
                .isTrue();
        assertThat(approved.reject("no", TREASURER, NOW, "decision-1").changesNothing(approved)).isTrue();
        assertThatThrownBy(() -> approved.approve(10_000, "acct", "n", TREASURER, NOW, "decision-2"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> approved.reject("no", TREASURER, NOW, "decision-2"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void rejectingPublishesTheReasonAndLeavesNothingToSpendOrDo() {
        Decision<Budget> rejected = requested().reject("too dear", TREASURER, NOW, "d-1");
        assertThat(rejected.state().state()).isEqualTo(Budget.REJECTED);
        assertThat(rejected.state().remainingFen()).isZero();
        assertThat(rejected.state().allowedActions()).isEmpty();
        BudgetDecided decided = (BudgetDecided) onlyEvent(rejected, FinanceEventTypes.BUDGET_DECIDED).payload();
        assertThat(decided.decision()).isEqualTo("rejected");
        assertThat(decided.reason()).isEqualTo("too dear");
        assertThatThrownBy(() -> rejected.state().checkClaim(1)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aClaimMustFitWhatRemainsOfAnApprovedBudget() {
        assertThatThrownBy(() -> requested().checkClaim(1)).isInstanceOf(IllegalTransitionException.class);
        Budget approved = approved(5_000);
        approved.checkClaim(5_000);
        assertThatThrownBy(() -> approved.checkClaim(5_001)).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("5000 of 5000 fen");
        Budget spent = withClaim(approved, "c-1", 3_000, false);
        assertThatThrownBy(() -> spent.checkClaim(2_001)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void bookingAClaimPublishesTheSpendingOnceAsTheClaimantsDoing() {
        Budget claimed = withClaim(approved(5_000), "c-1", 3_000, false);
        assertThat(claimed.unbookedClaims()).extracting(Budget.Claim::id).containsExactly("c-1");

        Decision<Budget> booked = claimed.booked("c-1");
        DomainEvent event = onlyEvent(booked, FinanceEventTypes.ACTIVITY_SPENDING_CHANGED);
        assertThat(event.actor()).isEqualTo(CLAIMANT);
        ActivitySpendingChanged spending = (ActivitySpendingChanged) event.payload();
        assertThat(spending.claimId()).isEqualTo("c-1");
        assertThat(spending.claimedFen()).isEqualTo(3_000);
        assertThat(spending.budget().spentFen()).isEqualTo(3_000);
        assertThat(spending.budget().remainingFen()).isEqualTo(2_000);
        assertThat(booked.state().unbookedClaims()).isEmpty();

        assertThat(booked.state().booked("c-1").changesNothing(booked.state())).isTrue();
        assertThat(booked.state().booked("no-such-claim").events()).isEmpty();
    }

    @Test
    void withdrawingABookedClaimGivesItsAmountBackAndPublishesTheCorrection() {
        Budget booked = withClaim(approved(5_000), "c-1", 3_000, true);
        Decision<Budget> withdrawn = booked.withdraw("c-1", "w-1", "wrong receipt", TREASURER, NOW);
        assertThat(withdrawn.state().spentFen()).isZero();
        assertThat(withdrawn.state().remainingFen()).isEqualTo(5_000);
        assertThat(withdrawn.state().claim("c-1").withdrawn()).isTrue();
        assertThat(withdrawn.state().unbookedWithdrawals()).extracting(Budget.Claim::id).containsExactly("c-1");
        DomainEvent event = onlyEvent(withdrawn, FinanceEventTypes.ACTIVITY_SPENDING_CHANGED);
        assertThat(event.actor()).isEqualTo(TREASURER);
        assertThat(((ActivitySpendingChanged) event.payload()).withdrawn()).isTrue();

        assertThat(withdrawn.state().withdraw("c-1", "w-1", "again", TREASURER, NOW).changesNothing(withdrawn.state()))
                .as("a retry of the same withdrawal").isTrue();
        assertThatThrownBy(() -> withdrawn.state().withdraw("c-1", "w-2", "again", TREASURER, NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("already withdrawn");

        Decision<Budget> reversed = withdrawn.state().withdrawalBooked("c-1");
        assertThat(reversed.events()).isEmpty();
        assertThat(reversed.state().unbookedWithdrawals()).isEmpty();
    }

    @Test
    void aClaimStillBeingBookedOrUnknownOrOnAnUndecidedBudgetCannotBeWithdrawn() {
        Budget unbooked = withClaim(approved(5_000), "c-1", 3_000, false);
        assertThatThrownBy(() -> unbooked.withdraw("c-1", "w-1", "r", TREASURER, NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("still being booked");
        assertThatThrownBy(() -> unbooked.withdraw("c-9", "w-1", "r", TREASURER, NOW))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> requested().withdraw("c-1", "w-1", "r", TREASURER, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void closingReleasesWhatRemainsAndAWithdrawalAfterClosingReleasesNothingMore() {
        Budget booked = withClaim(approved(5_000), "c-1", 3_000, true);
        Decision<Budget> closed = booked.close("closing-1", Budget.CLOSED_BY_FINANCE, "season over", TREASURER, NOW);
        assertThat(closed.state().state()).isEqualTo(Budget.CLOSED);
        assertThat(closed.state().remainingFen()).isZero();
        assertThat(closed.state().closure().releasedFen()).isEqualTo(2_000);
        BudgetClosed event = (BudgetClosed) onlyEvent(closed, FinanceEventTypes.BUDGET_CLOSED).payload();
        assertThat(event.releasedFen()).isEqualTo(2_000);
        assertThat(event.cause()).isEqualTo(Budget.CLOSED_BY_FINANCE);
        assertThat(closed.state().allowedActions()).containsExactly("withdraw-claim");
        assertThatThrownBy(() -> closed.state().checkClaim(1)).isInstanceOf(IllegalTransitionException.class);

        Decision<Budget> withdrawn = closed.state().withdraw("c-1", "w-1", "wrong", TREASURER, NOW);
        assertThat(withdrawn.state().spentFen()).isZero();
        assertThat(withdrawn.state().remainingFen()).as("a closed budget takes no claim again").isZero();
    }

    @Test
    void closingAnUndecidedRequestReleasesNothing() {
        Decision<Budget> closed = requested().close(Budget.ACTIVITY_CANCELLED, "cancelled", DomainEvent.SYSTEM, NOW);
        assertThat(((BudgetClosed) onlyEvent(closed, FinanceEventTypes.BUDGET_CLOSED).payload()).releasedFen()).isZero();
        assertThat(closed.state().closure().id()).isNull();
    }

    @Test
    void aSecondClosingIsAConflictByHandButHarmlessWhenAnEventRepeatsIt() {
        Budget closed = approved(5_000).close("closing-1", Budget.CLOSED_BY_FINANCE, "r", TREASURER, NOW).state();
        assertThat(closed.close("closing-1", Budget.CLOSED_BY_FINANCE, "r", TREASURER, NOW).changesNothing(closed))
                .as("a retry of the same closing").isTrue();
        assertThatThrownBy(() -> closed.close("closing-2", Budget.CLOSED_BY_FINANCE, "r", TREASURER, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(closed.close(Budget.CLAIM_WINDOW_PASSED, null, DomainEvent.SYSTEM, NOW).changesNothing(closed)).isTrue();

        Budget rejected = requested().reject("no", TREASURER, NOW, "d").state();
        assertThat(rejected.close(Budget.ACTIVITY_CANCELLED, null, DomainEvent.SYSTEM, NOW).changesNothing(rejected)).isTrue();
        assertThatThrownBy(() -> rejected.close("closing-1", Budget.CLOSED_BY_FINANCE, "r", TREASURER, NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void theActivitysEndMovesQuietlyWithItsNewestSnapshot() {
        Instant ends = Instant.parse("2026-10-20T10:00:00Z");
        Budget budget = approved(5_000).activityEnds(ends).state();
        assertThat(budget.activityEndsAt()).isEqualTo(ends);
        assertThat(budget.activityEnds(ends).changesNothing(budget)).isTrue();
        assertThat(budget.activityEnds(null).changesNothing(budget)).isTrue();
        assertThat(budget.activityEnds(ends.plusSeconds(3600)).events()).isEmpty();
    }
}
