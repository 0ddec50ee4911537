package org.federation.platform.security.ratelimit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Fixed-window request counters per client address, in the service's MongoDB so that every
 * instance counts into the same window: one document per address and window, counted with one
 * upserting {@code findAndModify} ({@code $inc}), atomic on its own. Old windows are deleted by
 * this class (the first request of a new window on each instance deletes every earlier window),
 * not by a TTL index, which the embedded store of the tests ignores.
 */
public class PublicRateLimit {

    /** The collection holding the counters, in each service's own database. */
    public static final String COLLECTION = "public-rate-limits";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int requests;
    private final Duration window;
    private final AtomicLong sweptBefore = new AtomicLong(Long.MIN_VALUE);

    public PublicRateLimit(MongoTemplate mongo, Clock clock, PublicRateLimitProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.requests = properties.requests();
        this.window = properties.window();
    }

    /** Counts one request from {@code address}; empty if it is allowed, else how long until the next window. */
    public Optional<Duration> take(String address) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        long windowStart = Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis;
        sweepWindowsBefore(windowStart);
        long count = count(address + "@" + windowStart, windowStart);
        if (count <= requests) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(windowStart + windowMillis - now.toEpochMilli()));
    }

    /** Refuses beyond this many requests per window. */
    public int requests() {
        return requests;
    }

    public Duration window() {
        return window;
    }

    private long count(String id, long windowStart) {
        Update increment = new Update().inc("count", 1).setOnInsert("windowStart", new Date(windowStart));
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document counted;
        try {
            counted = mongo.findAndModify(query(where("_id").is(id)), increment, upsert, Document.class, COLLECTION);
        } catch (DuplicateKeyException raced) {
            // another instance inserted the window's document between our lookup and our insert: it exists now
            counted = mongo.findAndModify(query(where("_id").is(id)), increment, upsert, Document.class, COLLECTION);
        }
        return ((Number) counted.get("count")).longValue();
    }

    /**
     * Once per window and instance: deletes the counters of earlier windows (never read again).
     * Safe with several instances: deleting what another instance already deleted is a no-op.
     */
    private void sweepWindowsBefore(long windowStart) {
        long swept = sweptBefore.get();
        if (windowStart > swept && sweptBefore.compareAndSet(swept, windowStart)) {
            mongo.remove(query(where("windowStart").lt(new Date(windowStart))), COLLECTION);
        }
    }
}
