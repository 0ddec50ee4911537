package org.federation.notification.routing.infrastructure;

import org.federation.notification.routing.domain.Subscription;
import org.federation.notification.routing.domain.NoticeKinds;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Subscriptions as changed through the API; a subscriber with none stored has the defaults. */
@Repository
public class Subscriptions {

    static final String COLLECTION = "subscriptions";

    private final MongoTemplate mongo;
    private final Clock clock;

    Subscriptions(MongoTemplate mongo, MongoIndexes indexes, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // subscriptions to "my own clubs" (resolved per notice)
        indexes.ensure(COLLECTION, "ownClubs");
    }

    public Subscription of(String subscriber) {
        Subscription stored = mongo.findById(subscriber, Subscription.class, COLLECTION);
        return stored != null ? stored : Subscription.defaults(subscriber);
    }

    public Subscription change(String subscriber, List<String> kinds, boolean ownClubs, String by) {
        mongo.upsert(query(where("_id").is(subscriber)), new Update().set("kinds", kinds).set("ownClubs", ownClubs)
                .set("updatedAt", clock.instant()).set("updatedBy", by), COLLECTION);
        return of(subscriber);
    }

    /** Everyone subscribed to this kind: stored subscriptions naming it, and departments whose defaults do. */
    public Set<String> subscribersOf(String kind) {
        Map<String, Subscription> stored = mongo.findAll(Subscription.class, COLLECTION).stream()
                .collect(Collectors.toMap(Subscription::id, s -> s));
        Set<String> subscribers = new LinkedHashSet<>();
        NoticeKinds.DEPARTMENT_DEFAULTS.forEach((department, kinds) -> {
            String subscriber = "department:" + department;
            if (!stored.containsKey(subscriber) && kinds.contains(kind)) {
                subscribers.add(subscriber);
            }
        });
        stored.values().stream().filter(s -> s.kinds() != null && s.kinds().contains(kind))
                .forEach(s -> subscribers.add(s.id()));
        return subscribers;
    }

    /** People who asked not to receive the notices about the clubs they lead or belong to. */
    public Set<String> optedOutOfOwnClubs() {
        return mongo.find(query(where("ownClubs").is(false)), Subscription.class, COLLECTION).stream()
                .map(Subscription::id).collect(Collectors.toSet());
    }
}
