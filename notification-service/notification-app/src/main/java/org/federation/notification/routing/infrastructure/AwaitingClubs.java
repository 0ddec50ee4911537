package org.federation.notification.routing.infrastructure;

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

/**
 * Routed events that named clubs not in the directory yet ({@code club.events} is not ordered with
 * the other topics), kept so that their people get the notice once the clubs' events are read.
 * One document per routed event; routing it again posts only the notices still missing, since a
 * notice's id comes from the cause and the recipient. Each is kept until its clubs are known, however
 * long that takes; it is tried again at {@code nextAttemptAt}, which an instance moves on before it
 * tries (compare-and-set), so two instances never try the same one at once.
 */
@Repository
public class AwaitingClubs {

    static final String COLLECTION = "routings-awaiting-clubs";
    private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";

    /**
     * A routed event waiting for clubs, since when; when it is tried next (null for one kept before
     * retries were spaced out: due at once) and how often it was tried (null counts as 0).
     */
    public record Waiting(String id, Routed routed, String actor, List<String> missingClubs, Instant since,
                   Instant nextAttemptAt, Integer attempts) {

        public int tried() {
            return attempts == null ? 0 : attempts;
        }
    }

    /** How many wait, and since when the oldest does (null if none). */
    public record Backlog(long waiting, Instant oldestSince) {
    }

    private final MongoTemplate mongo;

    AwaitingClubs(MongoTemplate mongo, MongoIndexes indexes) {
        this.mongo = mongo;
        // the retry sweep: routings due (or never tried)
        indexes.ensure(COLLECTION, "nextAttemptAt");
    }

    /** Keeps (or refreshes) the routed event with the clubs it still waits for; {@code since} stays the first time. */
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
    public List<Waiting> due(Instant now, int limit) {
        Criteria due = new Criteria().orOperator(where(NEXT_ATTEMPT_AT).lte(now), where(NEXT_ATTEMPT_AT).is(null));
        return mongo.find(query(due).with(Sort.by(NEXT_ATTEMPT_AT)).limit(limit), Waiting.class, COLLECTION);
    }

    /**
     * Takes this one for an attempt now, moving its next attempt to {@code next}; false if another
     * instance took it first (its next attempt is no longer what was read) or it is gone.
     */
    public boolean claim(Waiting waiting, Instant next) {
        return mongo.updateFirst(query(where("_id").is(waiting.id()).and(NEXT_ATTEMPT_AT).is(waiting.nextAttemptAt())),
                new Update().set(NEXT_ATTEMPT_AT, next).inc("attempts", 1), COLLECTION).getModifiedCount() == 1;
    }

    public List<Waiting> oldestFirst(int limit) {
        return mongo.find(new Query().with(Sort.by("since")).limit(limit), Waiting.class, COLLECTION);
    }

    public Backlog backlog() {
        long waiting = mongo.count(new Query(), COLLECTION);
        Instant oldest = waiting == 0 ? null
                : Optional.ofNullable(mongo.findOne(new Query().with(Sort.by("since")), Waiting.class, COLLECTION))
                        .map(Waiting::since).orElse(null);
        return new Backlog(waiting, oldest);
    }

    public void forget(Routed routed) {
        mongo.remove(query(where("_id").is(idOf(routed))), COLLECTION);
    }

    private static String idOf(Routed routed) {
        return routed.cause() + "|" + routed.kind();
    }
}
