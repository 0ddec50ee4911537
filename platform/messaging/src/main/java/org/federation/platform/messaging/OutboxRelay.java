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
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    /**
     * The relay's lifecycle phase: below the web server's (graceful shutdown at
     * {@code DEFAULT_PHASE - 1024}, stop at {@code DEFAULT_PHASE - 2048}) and above the consumers'
     * (Spring Cloud Stream's input bindings at {@code DEFAULT_PHASE - 3000}). Spring stops higher
     * phases first, so on SIGTERM the instance stops taking requests and finishes the ones in
     * flight, then the relay sends what those requests left it, and only then do the consumers
     * stop (what they write in their last moments stays pending for another instance's sweep).
     * With the default phase the relay stopped first, before in-flight requests had drained.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2500;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 500;
    /** Aggregates relayed per round (one wait for the broker per round). */
    private static final int BATCH = 200;

    /** An aggregate to relay: its collection and id. */
    public record Target(String collection, String id) {
    }

    /** An aggregate this relay holds the lease on (by token), with the events it is sending. */
    protected record Claim(Target target, String token, List<EventEnvelope> events) {
    }

    private final MongoTemplate mongo;
    private final Producer<String, byte[]> producer;
    private final Map<String, String> topicByCollection;
    private final Duration lease;
    private final Duration sweepInterval;
    private final Duration sendTimeout;
    private final int workers;
    private final String owner = UUID.randomUUID().toString();
    private final Clock clock;

    private final Set<Target> queued = ConcurrentHashMap.newKeySet();
    private final Queue<Target> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger draining = new AtomicInteger();
    private volatile ExecutorService relayers;
    private volatile ScheduledExecutorService sweeper;
    private volatile OutboxRelayMetrics metrics = OutboxRelayMetrics.NONE;

    private org.federation.platform.persistence.MongoIndexes indexes;

    public OutboxRelay(MongoTemplate mongo, Producer<String, byte[]> producer, List<OutboxCollection> collections,
                       OutboxRelaySettings settings, Clock clock) {
        this.mongo = mongo;
        this.producer = producer;
        this.topicByCollection = new ConcurrentHashMap<>();
        this.lease = settings.lease();
        this.sweepInterval = settings.sweepInterval();
        this.sendTimeout = settings.sendTimeout();
        this.workers = settings.workers();
        this.clock = clock;
        this.indexes = new org.federation.platform.persistence.MongoIndexes(mongo);
        collections.forEach(c -> register(c.collection(), c.topic()));
    }

    /**
     * Adds a collection whose documents carry an outbox and the topic its events go to; the sweep
     * covers it from now on. Registering the same pair again is harmless.
     *
     * @throws IllegalArgumentException if the collection is registered with another topic
     */
    public void register(String collection, String topic) {
        String before = topicByCollection.putIfAbsent(collection, topic);
        if (before == null) {
            ensureIndexes(collection);
        } else if (!before.equals(topic)) {
            throw new IllegalArgumentException("outbox collection " + collection + " already publishes to " + before
                    + ", not " + topic);
        }
    }

    /** Where sends, failures, latencies and sweeps are reported (nothing until set). */
    public void setMetrics(OutboxRelayMetrics metrics) {
        this.metrics = metrics;
    }

    /** The outbox collections and their topics, as registered so far. */
    public List<OutboxCollection> collections() {
        return topicByCollection.entrySet().stream().map(e -> new OutboxCollection(e.getKey(), e.getValue()))
                .sorted(java.util.Comparator.comparing(OutboxCollection::collection)).toList();
    }

    /** Asks the relay to send this aggregate's pending events now, without waiting for the sweep. */
    public void relaySoon(String collection, String id) {
        ExecutorService executor = relayers;
        if (executor == null) {
            return; // not started (or stopping): the sweep picks it up
        }
        Target target = new Target(collection, id);
        if (queued.add(target)) {
            queue.add(target);
        }
        if (draining.get() < workers) {
            draining.incrementAndGet();
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                draining.decrementAndGet();
                log.debug("relay stopping; {}/{} is left for the next sweep", collection, id);
            }
        }
    }

    /**
     * Sends every pending event of one aggregate, including those added while it was sending.
     *
     * @return how many events were sent and removed
     */
    public int relay(String collection, String id) {
        return relayAll(List.of(new Target(collection, id)));
    }

    /**
     * Relays several aggregates in rounds: read them with one query, lease those with pending
     * events, send everything and wait once for the broker, then pull each one's sent events.
     * One broker wait per round, however many aggregates it holds, lets the relay keep up with
     * many writers.
     */
    int relayAll(List<Target> targets) {
        int sent = 0;
        String failure = null;
        Map<String, List<String>> byCollection = new java.util.LinkedHashMap<>();
        targets.forEach(t -> byCollection.computeIfAbsent(t.collection(), c -> new ArrayList<>()).add(t.id()));
        for (Map.Entry<String, List<String>> entry : byCollection.entrySet()) {
            String collection = entry.getKey();
            List<String> round = entry.getValue();
            while (!round.isEmpty()) {
                Instant claimedAt = clock.instant();
                List<Claim> claims = claim(collection, round);
                if (claims.isEmpty()) {
                    break;
                }
                // no send may start once the rest of the lease is shorter than the wait for its
                // acknowledgement: a send still in flight when the lease runs out could land after
                // the next relay's sends of the same aggregate
                Instant lastSend = claimedAt.plus(lease).minus(sendTimeout);
                Sent outcome;
                try {
                    outcome = send(claims, lastSend);
                } catch (RuntimeException e) {
                    claims.forEach(c -> release(collection, c));
                    throw e;
                }
                List<String> again = new ArrayList<>();
                for (int i = 0; i < claims.size(); i++) {
                    Claim claim = claims.get(i);
                    int acknowledged = outcome.acknowledged()[i];
                    // only the acknowledged prefix goes: the rest is resent from its first event, in order
                    Claim done = new Claim(claim.target(), claim.token(), claim.events().subList(0, acknowledged));
                    boolean more = removeSent(collection, done);
                    sent += acknowledged;
                    if (more && acknowledged == claim.events().size()) {
                        again.add(claim.target().id());
                    }
                }
                if (outcome.failure() != null && failure == null) {
                    failure = outcome.failure();
                }
                round = again;
            }
        }
        if (failure != null) {
            throw new OutboxRelayException(failure, null);
        }
        return sent;
    }

    /**
     * What a round's sends achieved: per claim (same order), how many of its events, from the
     * first, the broker acknowledged; and why a claim stopped short, if one did.
     */
    protected record Sent(int[] acknowledged, String failure) {
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
            List<Target> targets = mongo.find(waiting, Document.class, collection).stream()
                    .map(d -> new Target(collection, d.get(OutboxFields.ID).toString())).toList();
            for (int from = 0; from < targets.size(); from += BATCH) {
                try {
                    sent += relayAll(targets.subList(from, Math.min(targets.size(), from + BATCH)));
                } catch (RuntimeException e) {
                    log.warn("Could not relay events from {}; they stay pending for the next sweep: {}", collection,
                            e.getMessage());
                }
            }
        }
        metrics.swept(sent);
        return sent;
    }

    /**
     * Sends the claimed events in waves: the n-th event of every aggregate, then a wait for the
     * broker, then the (n+1)-th. So an aggregate's event goes out only once the one before it was
     * acknowledged: a failed send stops that aggregate there, and nothing after it is published
     * with a gap. No send starts at or after {@code lastSend} (the round is abandoned before the
     * lease runs out; what was not sent stays pending for the next round).
     */
    protected Sent send(List<Claim> claims, Instant lastSend) {
        int[] acknowledged = new int[claims.size()];
        boolean[] stopped = new boolean[claims.size()];
        String failure = null;
        for (int wave = 0; ; wave++) {
            List<Integer> sentTo = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            long sentAt = System.nanoTime();
            for (int i = 0; i < claims.size(); i++) {
                Claim claim = claims.get(i);
                if (stopped[i] || wave >= claim.events().size()) {
                    continue;
                }
                if (!clock.instant().isBefore(lastSend)) {
                    failure = failure != null ? failure : "the round ran out of lease before every event was sent; "
                            + "the rest stays pending";
                    java.util.Arrays.fill(stopped, true);
                    break;
                }
                try {
                    acks.add(producer.send(claim.events().get(wave).toRecord(topicFor(claim.target().collection()))));
                    sentTo.add(i);
                } catch (RuntimeException e) {
                    stopped[i] = true;
                    metrics.failed(topicFor(claim.target().collection()));
                    failure = failure != null ? failure : "could not send " + claim.target() + ": " + e.getMessage();
                }
            }
            if (acks.isEmpty()) {
                return new Sent(acknowledged, failure);
            }
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            for (int k = 0; k < acks.size(); k++) {
                int i = sentTo.get(k);
                try {
                    acks.get(k).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged[i]++;
                    metrics.sent(topicFor(claims.get(i).target().collection()), Duration.ofNanos(System.nanoTime() - sentAt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    java.util.Arrays.fill(stopped, true);
                    failure = "interrupted while waiting for the broker";
                } catch (Exception e) {
                    stopped[i] = true;
                    metrics.failed(topicFor(claims.get(i).target().collection()));
                    failure = failure != null ? failure : "broker did not acknowledge event "
                            + claims.get(i).events().get(wave).id() + " of " + claims.get(i).target() + ": " + e.getMessage();
                }
            }
        }
    }

    /**
     * Removes exactly the sent events (newer ones may have been pushed meanwhile) and frees the
     * lease, if this relay still holds it.
     *
     * @return true if the aggregate has more pending events
     */
    protected boolean removeSent(String collection, Claim claim) {
        List<String> ids = claim.events().stream().map(EventEnvelope::id).toList();
        Update update = new Update()
                .pull(OutboxFields.PENDING, new Document("id", new Document("$in", ids)))
                .unset(OutboxFields.LEASE);
        Query ours = query(where(OutboxFields.ID).is(claim.target().id()).and(OutboxFields.LEASE_TOKEN).is(claim.token()));
        ours.fields().include(OutboxFields.PENDING);
        Document after = mongo.findAndModify(ours, update, FindAndModifyOptions.options().returnNew(true),
                Document.class, collection);
        return after != null && !after.getList(OutboxFields.PENDING, Document.class, List.of()).isEmpty();
    }

    private void drain() {
        try {
            List<Target> batch;
            while (!(batch = takeBatch()).isEmpty()) {
                try {
                    relayAll(batch);
                } catch (RuntimeException e) {
                    log.warn("Could not relay events of {} aggregate(s), first {}; they stay pending and the next "
                            + "sweep retries: {}", batch.size(), batch.get(0), e.getMessage());
                }
            }
        } finally {
            draining.decrementAndGet();
        }
    }

    private List<Target> takeBatch() {
        List<Target> batch = new ArrayList<>();
        Target target;
        while (batch.size() < BATCH && (target = queue.poll()) != null) {
            queued.remove(target);
            batch.add(target);
        }
        return batch;
    }

    /**
     * Leases whichever of {@code ids} have pending events and no live lease, and reads their
     * events. Every write here filters on {@code _id} plus the lease token it saw, an equality the
     * outbox's unique (_id, relayLease.token) index answers, so the store never scans.
     */
    private List<Claim> claim(String collection, List<String> ids) {
        Instant now = clock.instant();
        Query candidates = query(where(OutboxFields.ID).in(ids));
        candidates.fields().include(OutboxFields.LEASE).include(OutboxFields.PENDING);
        List<Claim> claims = new ArrayList<>();
        for (Document candidate : mongo.find(candidates, Document.class, collection)) {
            Document lease = candidate.get(OutboxFields.LEASE, Document.class);
            boolean free = lease == null || lease.get("expiresAt", Date.class).toInstant().isBefore(now);
            if (!free || candidate.getList(OutboxFields.PENDING, Document.class, List.of()).isEmpty()) {
                continue;
            }
            String id = candidate.get(OutboxFields.ID).toString();
            String token = UUID.randomUUID().toString();
            Query unchanged = query(where(OutboxFields.ID).is(id).and(OutboxFields.LEASE_TOKEN)
                    .is(lease == null ? null : lease.getString("token")));
            unchanged.fields().include(OutboxFields.PENDING);
            Document claimed = mongo.findAndModify(unchanged, new Update().set(OutboxFields.LEASE,
                            new Document("owner", owner).append("token", token).append("expiresAt", Date.from(now.plus(this.lease)))),
                    FindAndModifyOptions.options().returnNew(true), Document.class, collection);
            if (claimed != null) {
                claims.add(new Claim(new Target(collection, id), token, pendingOf(claimed)));
            }
        }
        return claims;
    }

    private void release(String collection, Claim claim) {
        mongo.updateFirst(query(where(OutboxFields.ID).is(claim.target().id()).and(OutboxFields.LEASE_TOKEN)
                .is(claim.token())), new Update().unset(OutboxFields.LEASE), collection);
    }

    /**
     * The unique indexes that let the store find a document by {@code _id} together with the
     * version (business writes) or the lease token (relay writes). The embedded store uses an
     * index only for a query on exactly its keys; on MongoDB they are cheap and harmless.
     */
    private void ensureIndexes(String collection) {
        indexes.ensureUnique(collection, OutboxFields.ID, OutboxFields.VERSION);
        indexes.ensureUnique(collection, OutboxFields.ID, OutboxFields.LEASE_TOKEN);
        // the sweep and the backlog gauge look for documents with a pending event: on MongoDB a sparse
        // index holds only those, so neither scans the aggregates whose events are all sent
        indexes.ensureSparse(collection, OutboxFields.PENDING + ".0");
    }

    /** Where the outbox collections' indexes are declared (the service's one {@link MongoIndexes}); before any register. */
    public void useIndexes(org.federation.platform.persistence.MongoIndexes indexes) {
        this.indexes = indexes;
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
        return new Criteria().orOperator(leaseFreeAlternatives(now));
    }

    private static Criteria[] leaseFreeAlternatives(Instant now) {
        return new Criteria[] {where(OutboxFields.LEASE).is(null), where(OutboxFields.LEASE_EXPIRES).lt(Date.from(now))};
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
                return;
            }
        }
        // what is still queued (a target queued just as the last drain ended) is sent here, not left to
        // another instance's sweep: the requests that wrote it were answered before the relay stopped
        List<Target> left;
        while (!(left = takeBatch()).isEmpty()) {
            try {
                relayAll(left);
            } catch (RuntimeException e) {
                log.warn("Stopping: {} aggregate(s) stay pending for the next sweep: {}", left.size(), e.getMessage());
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return relayers != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
