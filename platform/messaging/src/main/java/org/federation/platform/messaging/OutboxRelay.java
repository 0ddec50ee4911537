package org.federation.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Moves events from aggregates' {@code pendingEvents} to Kafka: claim the document with a lease,
 * send its events in order, wait for the broker's acknowledgement, then {@code $pull} exactly the
 * sent events by id. Delivery is at least once and in order per aggregate; consumers are
 * idempotent, so a resend after a crash is harmless.
 *
 * <p>The relay tries right after each write ({@link #relaySoon}) and sweeps all outbox
 * collections on a timer, which recovers whatever a crashed instance left behind once its lease
 * expires. Several instances may run at once: the lease (a conditional single-document update)
 * makes sure only one of them sends a given aggregate's events at a time, so they never
 * interleave.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 500;

    private final MongoTemplate mongo;
    private final Producer<String, byte[]> producer;
    private final Map<String, String> topicByCollection;
    private final Duration lease;
    private final Duration sweepInterval;
    private final Duration sendTimeout;
    private final int workers;
    private final String owner = UUID.randomUUID().toString();
    private final Clock clock;

    private volatile ExecutorService relayers;
    private volatile ScheduledExecutorService sweeper;

    public OutboxRelay(MongoTemplate mongo, Producer<String, byte[]> producer, List<OutboxCollection> collections,
                       OutboxRelaySettings settings, Clock clock) {
        this.mongo = mongo;
        this.producer = producer;
        this.topicByCollection = new java.util.HashMap<>();
        collections.forEach(c -> topicByCollection.put(c.collection(), c.topic()));
        this.lease = settings.lease();
        this.sweepInterval = settings.sweepInterval();
        this.sendTimeout = settings.sendTimeout();
        this.workers = settings.workers();
        this.clock = clock;
    }

    /** Asks the relay to send this aggregate's pending events now, without waiting for the sweep. */
    public void relaySoon(String collection, String id) {
        ExecutorService executor = relayers;
        if (executor == null) {
            return; // not started (or stopping): the sweep picks it up
        }
        try {
            executor.execute(() -> relayQuietly(collection, id));
        } catch (RejectedExecutionException stopping) {
            log.debug("relay stopping; {}/{} is left for the next sweep", collection, id);
        }
    }

    /**
     * Sends every pending event of one aggregate, including those added while it was sending.
     *
     * @return how many events were sent and removed
     */
    public int relay(String collection, String id) {
        String topic = topicFor(collection);
        int sent = 0;
        Document claimed;
        while ((claimed = claim(collection, id)) != null) {
            String token = claimed.get(OutboxFields.LEASE, Document.class).getString("token");
            List<EventEnvelope> events = pendingOf(claimed);
            try {
                send(topic, events);
            } catch (RuntimeException e) {
                release(collection, id, token);
                throw e;
            }
            removeSent(collection, id, token, events);
            sent += events.size();
        }
        return sent;
    }

    /**
     * Relays every aggregate in every outbox collection that has pending events and no live
     * lease. Called on a timer; public so tests and tools can force it.
     *
     * @return how many events were sent
     */
    public int sweep() {
        int sent = 0;
        for (String collection : topicByCollection.keySet()) {
            Query waiting = new Query(hasPending().andOperator(leaseFree(clock.instant()))).limit(SWEEP_BATCH);
            waiting.fields().include(OutboxFields.ID);
            for (Document document : mongo.find(waiting, Document.class, collection)) {
                sent += relayQuietly(collection, document.get(OutboxFields.ID).toString());
            }
        }
        return sent;
    }

    /** Sends the events; returns only once the broker has acknowledged every one of them. */
    protected void send(String topic, List<EventEnvelope> events) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            acks.add(producer.send(event.toRecord(topic)));
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutboxRelayException("interrupted while waiting for the broker", e);
            } catch (Exception e) {
                throw new OutboxRelayException("broker did not acknowledge events for " + topic
                        + " (subject " + events.get(0).subject() + "): " + e.getMessage(), e);
            }
        }
    }

    /** Removes exactly the sent events (newer ones may have been pushed meanwhile) and frees the lease. */
    protected void removeSent(String collection, String id, String token, List<EventEnvelope> events) {
        List<String> ids = events.stream().map(EventEnvelope::id).toList();
        Update update = new Update()
                .pull(OutboxFields.PENDING, new Document("id", new Document("$in", ids)))
                .unset(OutboxFields.LEASE);
        mongo.updateFirst(query(where(OutboxFields.ID).is(id).and(OutboxFields.LEASE_TOKEN).is(token)), update, collection);
    }

    private Document claim(String collection, String id) {
        Instant now = clock.instant();
        Query claimable = new Query(new Criteria().andOperator(
                where(OutboxFields.ID).is(id), hasPending(), leaseFree(now)));
        Update takeLease = new Update().set(OutboxFields.LEASE, new Document("owner", owner)
                .append("token", UUID.randomUUID().toString())
                .append("expiresAt", Date.from(now.plus(lease))));
        claimable.fields().include(OutboxFields.PENDING).include(OutboxFields.LEASE);
        return mongo.findAndModify(claimable, takeLease, FindAndModifyOptions.options().returnNew(true),
                Document.class, collection);
    }

    private void release(String collection, String id, String token) {
        mongo.updateFirst(query(where(OutboxFields.ID).is(id).and(OutboxFields.LEASE_TOKEN).is(token)),
                new Update().unset(OutboxFields.LEASE), collection);
    }

    private int relayQuietly(String collection, String id) {
        try {
            return relay(collection, id);
        } catch (RuntimeException e) {
            log.warn("Could not relay events of {}/{}; they stay pending and the next sweep retries: {}",
                    collection, id, e.getMessage());
            return 0;
        }
    }

    private String topicFor(String collection) {
        String topic = topicByCollection.get(collection);
        if (topic == null) {
            throw new IllegalArgumentException("collection " + collection + " is not a registered outbox");
        }
        return topic;
    }

    private static List<EventEnvelope> pendingOf(Document document) {
        List<Document> pending = document.getList(OutboxFields.PENDING, Document.class);
        List<EventEnvelope> events = new ArrayList<>(pending.size());
        pending.forEach(p -> events.add(PendingEventCodec.fromDocument(p)));
        return events;
    }

    private static Criteria hasPending() {
        return where(OutboxFields.PENDING + ".0").exists(true);
    }

    private static Criteria leaseFree(Instant now) {
        return new Criteria().orOperator(where(OutboxFields.LEASE).is(null),
                where(OutboxFields.LEASE_EXPIRES).lt(Date.from(now)));
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        relayers = Executors.newFixedThreadPool(workers, r -> daemon(r, "outbox-relay-" + n.incrementAndGet()));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "outbox-sweep"));
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed; retrying in {}: {}", sweepInterval, e.getMessage());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService s = sweeper;
        ExecutorService r = relayers;
        sweeper = null;
        relayers = null;
        if (s != null) {
            s.shutdownNow();
        }
        if (r != null) {
            r.shutdown();
            try {
                r.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return relayers != null;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
