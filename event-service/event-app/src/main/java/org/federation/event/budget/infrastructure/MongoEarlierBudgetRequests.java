package org.federation.event.budget.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;

import org.federation.event.budget.application.BudgetRequests.BudgetRequest;
import org.federation.event.budget.application.EarlierBudgetRequests;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** {@link EarlierBudgetRequests} in {@code budget-requests}, by activity id. */
@Repository
class MongoEarlierBudgetRequests implements EarlierBudgetRequests {

    static final String COLLECTION = "budget-requests";

    private final MongoTemplate mongo;

    MongoEarlierBudgetRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean exists(String activityId) {
        return mongo.exists(query(where("_id").is(activityId)), COLLECTION);
    }

    @Override
    public Optional<BudgetRequest> find(String activityId) {
        return Optional.ofNullable(mongo.findById(activityId, BudgetRequest.class, COLLECTION));
    }
}
