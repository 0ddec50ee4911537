package org.federation.notification.routing.infrastructure;

import org.federation.notification.routing.domain.AwaitingClubs;
import org.federation.notification.routing.domain.Routed;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** {@link AwaitingClubs} in {@code routings-awaiting-clubs}, one document per routed event (id: its cause and kind). */
@Repository
class MongoAwaitingClubs implements AwaitingClubs {

    static final String COLLECTION = "routings-awaiting-clubs";
    private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";

    private final MongoTemplate mongo;

    MongoAwaitingClubs(MongoTemplate mongo, MongoIndexes indexes) {
        this.mongo = mongo;
        // the retry sweep: routings due (or never tried)
        indexes.ensure(COLLECTION, "nextAttemptAt");
    }

    /** Keeps (or refreshes) the routed event with the clubs it still waits for; {@code since} stays the first time. */
    @Override
    public void remember(Routed routed, String actor, List<String> missingClubs, Instant now) {
        mongo.upsert(query(where("_id").is(idOf(routed))), new Update()
                .set("routed", mongo.getConverter().convertToMongoType(routed))
                .set("actor", actor)
                .set("missingClubs", missingClubs)
                .setOnInsert("since", now)
                .setOnInsert(NEXT_ATTEMPT_AT, now)
                .setOnInsert("attempts", 0), COLLECTION);
    }

    /** Those due to be tried by {@code now}, the longest due first. */
    @Override
    public List<Waiting> due(Instant now, int limit) {
        Criteria due = new Criteria().orOperator(where(NEXT_ATTEMPT_AT).lte(now), where(NEXT_ATTEMPT_AT).is(null));
        return mongo.find(query(due).with(Sort.by(NEXT_ATTEMPT_AT)).limit(limit), Waiting.class, COLLECTION);
    }

    /**
     * Takes this one for an attempt now, moving its next attempt to {@code next}; false if another
     * instance took it first (its next attempt is no longer what was read) or it is gone.
     */
    @Override
    public boolean claim(Waiting waiting, Instant next) {
        return mongo.updateFirst(query(where("_id").is(waiting.id()).and(NEXT_ATTEMPT_AT).is(waiting.nextAttemptAt())),
                new Update().set(NEXT_ATTEMPT_AT, next).inc("attempts", 1), COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public List<Waiting> oldestFirst(int limit) {
        return mongo.find(new Query().with(Sort.by("since")).limit(limit), Waiting.class, COLLECTION);
    }

    @Override
    public Backlog backlog() {
        long waiting = mongo.count(new Query(), COLLECTION);
        Instant oldest = waiting == 0 ? null
                : Optional.ofNullable(mongo.findOne(new Query().with(Sort.by("since")), Waiting.class, COLLECTION))
                        .map(Waiting::since).orElse(null);
        return new Backlog(waiting, oldest);
    }

    @Override
    public void forget(Routed routed) {
        mongo.remove(query(where("_id").is(idOf(routed))), COLLECTION);
    }

    private static String idOf(Routed routed) {
        return routed.cause() + "|" + routed.kind();
    }
}
