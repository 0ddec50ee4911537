package org.federation.event.budget.infrastructure;

import java.util.Optional;

import org.federation.event.budget.domain.FinanceOutcomes;
import org.federation.finance.contracts.BudgetDecided;
import org.federation.finance.contracts.BudgetSnapshot;
import org.federation.platform.messaging.IdempotentWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * {@link FinanceOutcomes} kept in MongoDB: the newest decision in {@code budget-decisions}, the
 * newest spending figures in {@code activity-spending}, each an upsert guarded by the event's sequence.
 */
@Repository
class MongoFinanceOutcomes implements FinanceOutcomes {

    static final String DECISIONS = "budget-decisions";
    static final String SPENDING = "activity-spending";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    MongoFinanceOutcomes(MongoTemplate mongo, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
    }

    @Override
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

    @Override
    public boolean spendingChanged(BudgetSnapshot budget, long sequence) {
        return writes.applyIfNewer(SPENDING, budget.activityId(), sequence, new Update()
                .set("approvedFen", budget.approvedFen())
                .set("spentFen", budget.spentFen())
                .set("remainingFen", budget.remainingFen())
                .set("claimCount", budget.claimCount())
                .set("budgetState", budget.state()));
    }

    @Override
    public Optional<Decision> decision(String activityId) {
        return Optional.ofNullable(mongo.findById(activityId, Decision.class, DECISIONS));
    }

    @Override
    public Optional<Spending> spending(String activityId) {
        return Optional.ofNullable(mongo.findById(activityId, Spending.class, SPENDING));
    }
}
