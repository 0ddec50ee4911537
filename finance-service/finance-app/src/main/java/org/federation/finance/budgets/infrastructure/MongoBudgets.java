package org.federation.finance.budgets.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.federation.finance.budgets.domain.Budget;
import org.federation.finance.budgets.domain.Budgets;
import org.federation.finance.contracts.ActivitySpendingChanged;
import org.federation.finance.contracts.BudgetClosed;
import org.federation.finance.contracts.BudgetDecided;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.contracts.FinanceTopics;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.problem.ResourceNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Budgets in {@code budgets} (id = activity id), each with its outbox; events are keyed by the activity id. */
@Repository
class MongoBudgets implements Budgets {

    static final String COLLECTION = "budgets";

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection budgetOutbox() {
            return new OutboxCollection(COLLECTION, FinanceTopics.FINANCE_EVENTS);
        }
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoBudgets(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public void receive(Budget request) {
        try {
            store.insert(COLLECTION, request.id(), request, List.of());
        } catch (DuplicateKeyException exists) {
            store.change(COLLECTION, request.id(), Budget.class,
                    current -> new AggregateStore.Decision<>(current.requestedAgain(request), List.of()));
        }
    }

    @Override
    public Optional<Budget> find(String activityId) {
        return store.find(COLLECTION, activityId, Budget.class).map(v -> v.state());
    }

    @Override
    public Budget.Change change(String activityId, UnaryOperator<Budget.Change> change, String actor) {
        Budget.Change[] decided = new Budget.Change[1];
        store.change(COLLECTION, activityId, Budget.class, current -> {
            decided[0] = change.apply(new Budget.Change(current, List.of()));
            return new AggregateStore.Decision<>(decided[0].budget(), decided[0].events().stream()
                    .map(event -> new NewEvent(typeOf(event), actor, event)).toList());
        }).orElseThrow(() -> new ResourceNotFoundException("budget of activity", activityId));
        return decided[0];
    }

    @Override
    public boolean addClaim(String activityId, Budget.Claim claim) {
        // the one conditional update that makes a limit hold under concurrency: remaining >= amount, in one document
        return mongo.updateFirst(query(where("_id").is(activityId).and("state").is(Budget.APPROVED)
                                .and("remainingFen").gte(claim.amountFen()).and("claims._id").ne(claim.id())),
                        new Update().inc("remainingFen", -claim.amountFen()).inc("spentFen", claim.amountFen())
                                .inc("version", 1L).push("claims", mongo.getConverter().convertToMongoType(claim)),
                        COLLECTION)
                .getMatchedCount() == 1;
    }

    @Override
    public List<Budget> withUnbookedClaims(Instant before) {
        return mongo.find(query(where("claims").elemMatch(where("booked").is(false).and("claimedAt").lt(before))),
                Budget.class, COLLECTION);
    }

    @Override
    public List<Budget> withUnbookedWithdrawals(Instant before) {
        return mongo.find(query(where("claims").elemMatch(where("withdrawal.booked").is(false)
                .and("withdrawal.withdrawnAt").lt(before))), Budget.class, COLLECTION);
    }

    @Override
    public List<Budget> openWithActivityEndedBefore(Instant endedBefore) {
        return mongo.find(query(where("state").in(Budget.REQUESTED, Budget.APPROVED).and("activityEndsAt").lt(endedBefore)),
                Budget.class, COLLECTION);
    }

    @Override
    public PageOf<Budget> page(String state, String clubId, int page, int size) {
        Criteria filter = new Criteria();
        if (state != null) {
            filter = filter.and("state").is(state);
        }
        if (clubId != null) {
            filter = filter.and("clubId").is(clubId);
        }
        return NewestFirst.page(mongo, COLLECTION, Budget.class, filter, "requestedAt", page, size);
    }

    private static String typeOf(Object event) {
        if (event instanceof BudgetDecided) {
            return FinanceEventTypes.BUDGET_DECIDED;
        }
        if (event instanceof ActivitySpendingChanged) {
            return FinanceEventTypes.ACTIVITY_SPENDING_CHANGED;
        }
        if (event instanceof BudgetClosed) {
            return FinanceEventTypes.BUDGET_CLOSED;
        }
        throw new IllegalArgumentException("no event type for " + event.getClass().getName());
    }
}
