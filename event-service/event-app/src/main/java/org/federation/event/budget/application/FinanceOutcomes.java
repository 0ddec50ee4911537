package org.federation.event.budget.application;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.federation.finance.contracts.BudgetDecided;
import org.federation.finance.contracts.BudgetSnapshot;
import org.federation.platform.messaging.IdempotentWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What finance-service decided and booked about an activity's budget, kept from {@code finance.events}
 * (budget events are keyed by the activity id and sequenced per budget): the newest decision in
 * {@code budget-decisions}, the newest spending figures in {@code activity-spending}, each applied
 * only if its event is newer than the one the document holds, so a redelivery or an older event
 * changes nothing.
 */
@Service
public class FinanceOutcomes {

    static final String DECISIONS = "budget-decisions";
    static final String SPENDING = "activity-spending";
    /** The decisions finance-service makes ({@code BudgetDecided.decision}). */
    public static final Set<String> DECISION_VALUES = Set.of("approved", "partly-approved", "rejected");

    /** Finance's decision on an activity's budget request, as event-service shows it. */
    public record Decision(String decision, long requestedFen, long grantedFen, String reason, String decidedBy,
                           Instant decidedAt) {
    }

    /**
     * An activity's spending as finance-service booked it: accepted expense claims (withdrawn ones no
     * longer counted) against its budget, and the budget's state ({@code closed} once what remained
     * was released; no claim passes after).
     */
    public record Spending(long approvedFen, long spentFen, long remainingFen, int claimCount, String budgetState) {
    }

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    FinanceOutcomes(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    /** Keeps a decision (and the spending its snapshot carries) if newer; true if the decision was applied. */
    public boolean decided(BudgetDecided decided, long sequence) {
        BudgetSnapshot budget = decided.budget();
        boolean applied = writes.applyIfNewer(DECISIONS, budget.activityId(), sequence, new Update()
                .set("decision", decided.decision())
                .set("requestedFen", budget.requestedFen())
                .set("grantedFen", "rejected".equals(decided.decision()) ? 0L : budget.approvedFen())
                .set("reason", decided.reason())
                .set("decidedBy", budget.decidedBy())
                .set("decidedAt", budget.decidedAt()));
        spendingChanged(budget, sequence);
        return applied;
    }

    /** Keeps the spending figures of a budget snapshot if newer; true if applied. */
    public boolean spendingChanged(BudgetSnapshot budget, long sequence) {
        return writes.applyIfNewer(SPENDING, budget.activityId(), sequence, new Update()
                .set("approvedFen", budget.approvedFen())
                .set("spentFen", budget.spentFen())
                .set("remainingFen", budget.remainingFen())
                .set("claimCount", budget.claimCount())
                .set("budgetState", budget.state()));
    }

    public Optional<Decision> decision(String activityId) {
        return Optional.ofNullable(mongo.findById(activityId, Decision.class, DECISIONS));
    }

    public Optional<Spending> spending(String activityId) {
        return Optional.ofNullable(mongo.findById(activityId, Spending.class, SPENDING));
    }
}
