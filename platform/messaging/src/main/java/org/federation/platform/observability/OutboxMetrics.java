package org.federation.platform.observability;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.federation.platform.messaging.OutboxCollection;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox backlog per collection: how many aggregates hold events the broker has not
 * acknowledged yet ({@code federation.outbox.pending}) and how old the oldest of them is
 * ({@code federation.outbox.oldest.age}, seconds; 0 when nothing waits). Normally both stay near 0:
 * the relay sends right after each write. A growing age means the relay cannot reach Kafka.
 *
 * <p>Scrapes come often and from several Prometheus servers; each collection is looked at (a count
 * and one sorted read of the first pending event) at most once per {@code cacheFor}.
 */
public final class OutboxMetrics {

    private static final String PENDING = "pendingEvents";
    private static final String FIRST_PENDING = "pendingEvents.0";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final long cacheForNanos;
    private final Map<String, Backlog> backlogs = new ConcurrentHashMap<>();

    /** One look at a collection: aggregates with pending events, the oldest pending event's time, when looked. */
    private record Backlog(long pending, Instant oldest, long lookedAt) {
    }

    public OutboxMetrics(MongoTemplate mongo, Clock clock, Duration cacheFor) {
        this.mongo = mongo;
        this.clock = clock;
        this.cacheForNanos = cacheFor.toNanos();
    }

    /**
     * Registers both gauges for each outbox collection. The gauges hold this object strongly:
     * nothing else keeps it, and Micrometer's default (a weak reference) let a garbage collection
     * turn both gauges into NaN.
     */
    public void bindTo(MeterRegistry registry, List<OutboxCollection> collections) {
        for (OutboxCollection outbox : collections) {
            String collection = outbox.collection();
            Gauge.builder("federation.outbox.pending", this, m -> m.backlog(collection).pending()).strongReference(true)
                    .description("aggregates whose events wait to be acknowledged by the broker")
                    .tag("collection", collection).tag("topic", outbox.topic()).register(registry);
            Gauge.builder("federation.outbox.oldest.age", this, m -> m.oldestAgeSeconds(collection)).strongReference(true)
                    .description("age of the oldest event not yet acknowledged by the broker (0 if none)")
                    .baseUnit("seconds").tag("collection", collection).tag("topic", outbox.topic()).register(registry);
        }
    }

    double oldestAgeSeconds(String collection) {
        Instant oldest = backlog(collection).oldest();
        if (oldest == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    Backlog backlog(String collection) {
        long now = System.nanoTime();
        Backlog known = backlogs.get(collection);
        if (known != null && now - known.lookedAt() < cacheForNanos) {
            return known;
        }
        Backlog fresh = look(collection, now);
        backlogs.put(collection, fresh);
        return fresh;
    }

    private Backlog look(String collection, long now) {
        Query waiting = new Query(where(FIRST_PENDING).exists(true));
        long pending = mongo.count(waiting, collection);
        if (pending == 0) {
            return new Backlog(0, null, now);
        }
        Query oldestFirst = new Query(where(FIRST_PENDING).exists(true))
                .with(Sort.by(Sort.Direction.ASC, FIRST_PENDING + ".time")).limit(1);
        oldestFirst.fields().include(PENDING).slice(PENDING, 1);
        Document first = mongo.findOne(oldestFirst, Document.class, collection);
        Instant oldest = null;
        if (first != null) {
            List<Document> events = first.getList(PENDING, Document.class, List.of());
            if (!events.isEmpty() && events.get(0).get("time") instanceof Date time) {
                oldest = time.toInstant();
            }
        }
        return new Backlog(pending, oldest, now);
    }
}
