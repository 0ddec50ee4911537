package org.federation.notification.feedback.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.federation.notification.feedback.domain.RateLimits;
import org.federation.notification.feedback.domain.RateWindow;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters, one document per key and window, each taken with one conditional
 * single-document update ({@code count < limit}, upserted): two instances can never both let the
 * last request of a window through. Windows that are over are never read again: each instance
 * deletes them at most once a minute, on a request (there was no TTL index, so they stayed for
 * good; the embedded store ignores TTL indexes anyway). Deleting what another instance deleted
 * is a no-op.
 */
@Component
class MongoRateLimits implements RateLimits {

    static final String COLLECTION = "rate-limits";
    static final String EXPIRES_AT = "expiresAt";
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final AtomicReference<Instant> prunedAt = new AtomicReference<>(Instant.EPOCH);

    MongoRateLimits(MongoTemplate mongo, MongoIndexes indexes) {
        this.mongo = mongo;
        // the prune's filter
        indexes.ensure(COLLECTION, EXPIRES_AT);
    }

    @Override
    public boolean take(String key, int limit, Duration window, Instant now) {
        pruneOver(now);
        RateWindow current = RateWindow.of(key, window, now);
        try {
            Object counted = mongo.findAndModify(query(where("_id").is(current.id()).and("count").lt(limit)),
                    new Update().inc("count", 1).setOnInsert(EXPIRES_AT, current.expiresAt()),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, COLLECTION);
            return counted != null;
        } catch (DuplicateKeyException usedUp) {
            return false; // the window's document exists with count >= limit
        }
    }

    /** Deletes the windows over at {@code now}, at most once a minute on this instance. */
    private void pruneOver(Instant now) {
        Instant last = prunedAt.get();
        if (now.isAfter(last.plus(PRUNE_EVERY)) && prunedAt.compareAndSet(last, now)) {
            mongo.remove(query(where(EXPIRES_AT).lte(now)), COLLECTION);
        }
    }
}
