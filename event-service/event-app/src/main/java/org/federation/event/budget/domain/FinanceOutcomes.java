package org.federation.event.budget.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.federation.finance.contracts.BudgetDecided;
import org.federation.finance.contracts.BudgetSnapshot;

/**
 * What finance-service decided and booked about an activity's budget, kept from {@code finance.events}
 * (budget events are keyed by the activity id and sequenced per budget): the newest decision and the
 * newest spending figures, each applied only if its event is newer than the one held, so a
 * redelivery or an older event changes nothing.
 */
public interface FinanceOutcomes {

    /** The decisions finance-service makes ({@code BudgetDecided.decision}). */
    Set<String> DECISION_VALUES = Set.of("approved", "partly-approved", "rejected");

    /** Finance's decision on an activity's budget request, as event-service shows it. */
    record Decision(String decision, long requestedFen, long grantedFen, String reason, String decidedBy,
                    Instant decidedAt) {
    }

    /**
     * An activity's spending as finance-service booked it: accepted expense claims (withdrawn ones no
     * longer counted) against its budget, and the budget's state ({@code closed} once what remained
     * was released; no claim passes after).
     */
    record Spending(long approvedFen, long spentFen, long remainingFen, int claimCount, String budgetState) {
    }

    /** Keeps a decision (and the spending its snapshot carries) if newer; true if the decision was applied. */
    boolean decided(BudgetDecided decided, long sequence);

    /** Keeps the spending figures of a budget snapshot if newer; true if applied. */
    boolean spendingChanged(BudgetSnapshot budget, long sequence);

    Optional<Decision> decision(String activityId);

    Optional<Spending> spending(String activityId);
}
