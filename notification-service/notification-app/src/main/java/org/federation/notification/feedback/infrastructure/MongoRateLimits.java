package org.federation.notification.feedback.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;

import org.federation.notification.feedback.domain.RateLimits;
import org.federation.notification.feedback.domain.RateWindow;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters, one document per key and window, each taken with one conditional
 * single-document update ({@code count < limit}, upserted): two instances can never both let the
 * last request of a window through. Old windows are never read again (a TTL index on a real
 * MongoDB can drop them; the embedded store keeps them).
 */
@Component
class MongoRateLimits implements RateLimits {

    static final String COLLECTION = "rate-limits";

    private final MongoTemplate mongo;

    MongoRateLimits(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean take(String key, int limit, Duration window, Instant now) {
        RateWindow current = RateWindow.of(key, window, now);
        try {
            Object counted = mongo.findAndModify(query(where("_id").is(current.id()).and("count").lt(limit)),
                    new Update().inc("count", 1).setOnInsert("expiresAt", current.expiresAt()),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), org.bson.Document.class, COLLECTION);
            return counted != null;
        } catch (DuplicateKeyException usedUp) {
            return false; // the window's document exists with count >= limit
        }
    }
}
