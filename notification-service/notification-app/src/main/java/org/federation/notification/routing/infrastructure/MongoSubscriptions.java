package org.federation.notification.routing.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.federation.notification.routing.domain.Subscription;
import org.federation.notification.routing.domain.SubscriptionRecords;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** {@link SubscriptionRecords} in {@code subscriptions}, one document per subscriber who changed theirs. */
@Repository
class MongoSubscriptions implements SubscriptionRecords {

    static final String COLLECTION = "subscriptions";

    private final MongoTemplate mongo;

    MongoSubscriptions(MongoTemplate mongo, MongoIndexes indexes) {
        this.mongo = mongo;
        // subscriptions to "my own clubs" (resolved per notice)
        indexes.ensure(COLLECTION, "ownClubs");
    }

    @Override
    public Optional<Subscription> find(String subscriber) {
        return Optional.ofNullable(mongo.findById(subscriber, Subscription.class, COLLECTION));
    }

    @Override
    public List<Subscription> all() {
        return mongo.findAll(Subscription.class, COLLECTION);
    }

    @Override
    public void save(String subscriber, List<String> kinds, boolean ownClubs, String by, Instant at) {
        mongo.upsert(query(where("_id").is(subscriber)), new Update().set("kinds", kinds).set("ownClubs", ownClubs)
                .set("updatedAt", at).set("updatedBy", by), COLLECTION);
    }

    @Override
    public Set<String> optedOutOfOwnClubs() {
        return mongo.find(query(where("ownClubs").is(false)), Subscription.class, COLLECTION).stream()
                .map(Subscription::id).collect(Collectors.toSet());
    }
}
