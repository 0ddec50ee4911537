package org.federation.finance.budgets.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.finance.budgets.domain.Budget;
import org.federation.finance.budgets.domain.Budgets;
import org.federation.finance.contracts.FinanceTopics;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Budgets in {@code budgets} (id = activity id), each with its outbox; events are keyed by the activity id. */
@Repository
class MongoBudgets implements Budgets {

    static final String COLLECTION = "budgets";

    private final MongoTemplate mongo;
    private final AggregateRepository<Budget, Budget> budgets;

    MongoBudgets(MongoTemplate mongo, AggregateStore store, MongoIndexes indexes) {
        this.mongo = mongo;
        this.budgets = store.repository(COLLECTION, FinanceTopics.FINANCE_EVENTS, Budget.class);
        // a club's budgets; by state (closing, the sweep of budgets whose activity ended); claims and withdrawals not yet booked
        indexes.ensure(COLLECTION, "clubId");
        // a joint activity's budget is listed under each organising club (multikey)
        indexes.ensure(COLLECTION, "organiserClubIds");
        indexes.ensure(COLLECTION, "state", "activityEndsAt");
        indexes.ensure(COLLECTION, "claims.booked", "claims.claimedAt");
        indexes.ensure(COLLECTION, "claims.withdrawal.booked", "claims.withdrawal.withdrawnAt");
    }

    @Override
    public void receive(Budget request) {
        try {
            budgets.create(request.id(), Decision.quietly(request));
        } catch (DuplicateKeyException exists) {
            budgets.change(request.id(), current -> current.requestedAgain(request));
        }
    }

    @Override
    public Optional<Budget> find(String activityId) {
        return budgets.find(activityId);
    }

    @Override
    public Decision<Budget> change(String activityId, Function<Budget, Decision<Budget>> decide) {
        return budgets.change(activityId, "budget of activity", decide);
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
            // a joint activity's budget is each organising club's (the paying club's alone if stored before that was kept)
            filter = filter.orOperator(Criteria.where("clubId").is(clubId), Criteria.where("organiserClubIds").is(clubId));
        }
        return NewestFirst.page(mongo, COLLECTION, Budget.class, filter, "requestedAt", page, size);
    }
}
