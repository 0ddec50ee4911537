package org.federation.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Moves events from aggregates' {@code pendingEvents} to Kafka, a batch of aggregates at a time:
 * claim the batch's documents with a lease ({@link OutboxLeases}: one bulk write and one read),
 * send their events in order per aggregate and wait for the broker's acknowledgements
 * ({@link OutboxSender}), then {@code $pull} exactly the acknowledged events by id and drop the
 * leases (one bulk write). Delivery is at least once and in order per aggregate; consumers are
 * idempotent, so a resend after a crash is harmless.
 *
 * <p>The relay tries right after each write ({@link #relaySoon}) and sweeps all outbox
 * collections on a timer, which recovers whatever a crashed instance left behind once its lease
 * expires. Several instances may run at once: the lease (a compare-and-set on each document, also
 * inside a bulk write) makes sure only one of them sends a given aggregate's events at a time, so
 * they never interleave.
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

    /**
     * An aggregate this relay holds the lease on (by its batch's token), with the events it read
     * under that lease and is sending.
     */
    protected record Claim(Target target, String token, List<EventEnvelope> events) {
    }

    private final MongoTemplate mongo;
    private final Map<String, String> topicByCollection;
    private final Duration lease;
    private final Duration sweepInterval;
    private final Duration sendTimeout;
    private final int workers;
    private final String owner = UUID.randomUUID().toString();
    private final Clock clock;

    private final Set<Target> queued = ConcurrentHashMap.newKeySet();
    private final Queue<Target> queue = new ConcurrentLinkedQueue<>();
    /** Batches of new documents written under this relay's lease ({@link #leaseNew}), waiting to be sent. */
    private final Queue<LeasedBatch> leasedBatches = new ConcurrentLinkedQueue<>();
    private final AtomicInteger draining = new AtomicInteger();
    /** Aggregates a thread of this instance is relaying right now, and those asked for meanwhile. */
    private final Set<Target> relaying = ConcurrentHashMap.newKeySet();
    private final Set<Target> wanted = ConcurrentHashMap.newKeySet();
    private final OutboxLeases leases;
    private final OutboxSender sender;
    private volatile ExecutorService relayers;
    private volatile ScheduledExecutorService sweeper;
    private volatile OutboxRelayMetrics metrics = OutboxRelayMetrics.NONE;

    private org.federation.platform.persistence.MongoIndexes indexes;

    public OutboxRelay(MongoTemplate mongo, Producer<String, byte[]> producer, List<OutboxCollection> collections,
                       OutboxRelaySettings settings, Clock clock) {
        this.mongo = mongo;
        this.topicByCollection = new ConcurrentHashMap<>();
        this.lease = settings.lease();
        this.sweepInterval = settings.sweepInterval();
        this.sendTimeout = settings.sendTimeout();
        this.workers = settings.workers();
        this.clock = clock;
        this.indexes = new org.federation.platform.persistence.MongoIndexes(mongo);
        this.leases = new OutboxLeases(mongo, owner, lease);
        this.sender = new OutboxSender(producer, clock, sendTimeout, this::topicFor);
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
        if (relayers == null) {
            return; // not started (or stopping): the sweep picks it up
        }
        Target target = new Target(collection, id);
        if (queued.add(target)) {
            queue.add(target);
        }
        startDraining();
    }

    private void startDraining() {
        ExecutorService executor = relayers;
        if (executor == null) {
            return;
        }
        if (draining.get() < workers) {
            draining.incrementAndGet();
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                draining.decrementAndGet();
                log.debug("relay stopping; what is queued is sent as it stops or left for the next sweep");
            }
        }
    }

    /**
     * Documents a writer is about to create under this relay's lease ({@link #leaseNew}): the lease to
     * write into each, for the ids this relay reserved (no thread of this instance relays them meanwhile).
     */
    public static final class NewDocuments {

        private final String collection;
        private final OutboxLeases.Taken lease;
        private final Set<String> reserved;

        private NewDocuments(String collection, OutboxLeases.Taken lease, Set<String> reserved) {
            this.collection = collection;
            this.lease = lease;
            this.reserved = reserved;
        }

        /** The {@code relayLease} to write into new document {@code id}; null: it is written without one. */
        public Document leaseFor(String id) {
            return reserved.contains(id) ? lease.document() : null;
        }
    }

    /** New documents' claims under one lease, sent together. */
    private record LeasedBatch(String collection, OutboxLeases.Taken lease, List<Claim> claims) {
    }

    /**
     * A lease for documents a writer is about to create with their first events (a fan-out's batch):
     * written into each new document, so this relay holds it from the first write and sends the
     * events it is handed ({@link #relayNew}) without claiming the documents first: a bulk write and
     * a read fewer per batch. A crash in between leaves the documents leased until the lease lapses;
     * then any instance's sweep sends them, as after a crash between an ordinary claim and its send.
     *
     * @return null while the relay is not running: the documents are written without a lease and the
     *         writer asks for them with {@link #relaySoon} (or the sweep finds them)
     */
    public NewDocuments leaseNew(String collection, List<String> ids) {
        if (relayers == null) {
            return null;
        }
        Set<String> reserved = new java.util.HashSet<>();
        take(collection, ids).forEach(target -> reserved.add(target.id()));
        return new NewDocuments(collection, leases.take(clock.instant()), reserved);
    }

    /**
     * Sends the events of the documents the writer created under {@code documents}' lease (by id;
     * those it did not create, their ids already taken, are let go untouched); a created document
     * written without the lease is relayed as after any write.
     */
    public void relayNew(NewDocuments documents, Map<String, List<EventEnvelope>> created) {
        String collection = documents.collection;
        List<Claim> claims = new ArrayList<>();
        List<Target> notCreated = new ArrayList<>();
        for (String id : documents.reserved) {
            List<EventEnvelope> events = created.get(id);
            if (events == null) {
                notCreated.add(new Target(collection, id));
            } else {
                claims.add(new Claim(new Target(collection, id), documents.lease.token(), events));
            }
        }
        letGo(notCreated);
        created.keySet().stream().filter(id -> !documents.reserved.contains(id)).forEach(id -> relaySoon(collection, id));
        for (int from = 0; from < claims.size(); from += BATCH) {
            leasedBatches.add(new LeasedBatch(collection, documents.lease, claims.subList(from, Math.min(claims.size(), from + BATCH))));
        }
        startDraining();
    }

    /**
     * Gives up a lease taken for new documents whose write failed: whichever of them were written
     * anyway (an unordered insert goes on past a failed document) lose the lease at once, so the
     * next sweep sends their events instead of waiting for the lease to lapse.
     */
    public void abandonNew(NewDocuments documents) {
        List<Claim> claims = documents.reserved.stream()
                .map(id -> new Claim(new Target(documents.collection, id), documents.lease.token(), List.of())).toList();
        try {
            leases.release(documents.collection, claims, new int[claims.size()]);
        } catch (RuntimeException e) {
            log.warn("Could not drop the lease on {} new document(s) in {}; they are sent once it lapses: {}",
                    claims.size(), documents.collection, e.getMessage());
        } finally {
            letGo(claims.stream().map(Claim::target).toList());
        }
    }

    /**
     * Sends every pending event of one aggregate (those added while it was sending go out with the
     * next call, or right away through {@link #relaySoon} once the relay is started).
     *
     * @return how many events were sent and removed
     */
    public int relay(String collection, String id) {
        return relayAll(List.of(new Target(collection, id)));
    }

    /**
     * Relays several aggregates in batches of up to {@value #BATCH}: claim the batch (one bulk
     * write and one read), send everything and wait once per wave for the broker, then pull each
     * one's acknowledged events and drop the leases (one bulk write). A few round trips per batch,
     * however many aggregates it holds, let the relay keep up with a fan-out of thousands.
     *
     * <p>Events written while an aggregate is in a batch here are not lost: their writer asks for
     * the aggregate again ({@link #relaySoon}), and the request waits until this batch let go of it.
     */
    int relayAll(List<Target> targets) {
        int sent = 0;
        String failure = null;
        Map<String, List<String>> byCollection = new java.util.LinkedHashMap<>();
        targets.forEach(t -> byCollection.computeIfAbsent(t.collection(), c -> new ArrayList<>()).add(t.id()));
        for (Map.Entry<String, List<String>> entry : byCollection.entrySet()) {
            String collection = entry.getKey();
            List<String> all = entry.getValue();
            for (int from = 0; from < all.size(); from += BATCH) {
                List<Target> mine = take(collection, all.subList(from, Math.min(all.size(), from + BATCH)));
                try {
                    Batch batch = relayBatch(collection, mine.stream().map(Target::id).toList());
                    sent += batch.sent();
                    failure = failure != null ? failure : batch.failure();
                } finally {
                    letGo(mine);
                }
            }
        }
        if (failure != null) {
            throw new OutboxRelayException(failure, null);
        }
        return sent;
    }

    private record Batch(int sent, String failure) {
    }

    private Batch relayBatch(String collection, List<String> ids) {
        if (ids.isEmpty()) {
            return new Batch(0, null);
        }
        Instant claimedAt = clock.instant();
        List<Claim> claims = leases.claim(collection, ids, claimedAt);
        if (claims.isEmpty()) {
            return new Batch(0, null);
        }
        // no send may start once the rest of the lease is shorter than the wait for its
        // acknowledgement: a send still in flight when the lease runs out could land after
        // the next relay's sends of the same aggregate
        return sendAndRelease(collection, claims, claimedAt.plus(lease).minus(sendTimeout));
    }

    private Batch sendAndRelease(String collection, List<Claim> claims, Instant lastSend) {
        OutboxSender.Sent outcome;
        try {
            outcome = sender.send(claims, lastSend, metrics);
        } catch (RuntimeException e) {
            leases.release(collection, claims, new int[claims.size()]);
            throw e;
        }
        // only each aggregate's acknowledged prefix goes: the rest is resent from its first event, in order
        release(collection, claims, outcome.acknowledged());
        return new Batch(java.util.Arrays.stream(outcome.acknowledged()).sum(), outcome.failure());
    }

    /**
     * Sends batches of new documents this relay leased when they were written, in one send and one
     * release. A batch that waited in the queue until its lease is too short for a send is released
     * unsent (the next sweep of any instance sends it), never sent on a lease that may run out meanwhile.
     */
    private void relayLeased(List<LeasedBatch> batches) {
        String collection = batches.get(0).collection();
        List<Target> targets = batches.stream().flatMap(b -> b.claims().stream()).map(Claim::target).toList();
        try {
            Instant now = clock.instant();
            List<Claim> expiring = new ArrayList<>();
            List<Claim> claims = new ArrayList<>();
            Instant lastSend = null;
            for (LeasedBatch batch : batches) {
                Instant batchLastSend = batch.lease().expiresAt().minus(sendTimeout);
                if (!now.isBefore(batchLastSend)) {
                    expiring.addAll(batch.claims());
                } else {
                    claims.addAll(batch.claims());
                    lastSend = lastSend == null || batchLastSend.isBefore(lastSend) ? batchLastSend : lastSend;
                }
            }
            if (!expiring.isEmpty()) {
                log.info("{} new document(s) in {} waited too long to be sent under their first lease; the next sweep "
                        + "sends them", expiring.size(), collection);
                leases.release(collection, expiring, new int[expiring.size()]);
            }
            if (claims.isEmpty()) {
                return;
            }
            Batch sent = sendAndRelease(collection, claims, lastSend);
            if (sent.failure() != null) {
                log.warn("Could not relay every event of {} new aggregate(s) in {}; the rest stay pending for the next "
                        + "sweep: {}", claims.size(), collection, sent.failure());
            }
        } catch (RuntimeException e) {
            log.warn("Could not relay events of {} new aggregate(s) in {}, first {}; they stay pending and the next "
                    + "sweep retries once their lease lapses: {}", targets.size(), collection, targets.get(0),
                    e.getMessage());
        } finally {
            letGo(targets);
        }
    }

    /**
     * Takes the aggregates no other thread of this instance is relaying; each of the others is
     * noted as wanted and asked for again once that thread let go of it (so an event written
     * while it was being sent still goes out right away, not at the next sweep).
     */
    private List<Target> take(String collection, List<String> ids) {
        List<Target> mine = new ArrayList<>(ids.size());
        for (String id : ids) {
            Target target = new Target(collection, id);
            if (relaying.add(target)) {
                mine.add(target);
            } else {
                wanted.add(target);
                // the holder may have let go between the add above and here, without seeing the wish
                if (!relaying.contains(target) && wanted.remove(target)) {
                    relaySoon(collection, id);
                }
            }
        }
        return mine;
    }

    private void letGo(List<Target> mine) {
        for (Target target : mine) {
            relaying.remove(target);
            if (wanted.remove(target)) {
                relaySoon(target.collection(), target.id());
            }
        }
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
     * Pulls each claim's acknowledged events and drops the leases, in one bulk write (a hook, so a
     * test can make the relay die right here, after the broker acknowledged and before the pull).
     */
    protected void release(String collection, List<Claim> claims, int[] acknowledged) {
        leases.release(collection, claims, acknowledged);
    }

    private void drain() {
        try {
            while (true) {
                // new documents first: they are leased already, and their lease is running
                List<LeasedBatch> leased = takeLeased();
                if (!leased.isEmpty()) {
                    relayLeased(leased);
                    continue;
                }
                List<Target> batch = takeBatch();
                if (batch.isEmpty()) {
                    return;
                }
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

    /**
     * The next leased batch with those queued after it for the same collection, up to {@value #BATCH}
     * claims together: single new aggregates written while the relay was busy go out in one send and
     * one release, not one each. A batch taken that does not fit (another collection, too many claims)
     * is put back at the end of the queue; order between aggregates does not matter, each one's is kept.
     */
    private List<LeasedBatch> takeLeased() {
        List<LeasedBatch> taken = new ArrayList<>();
        int claims = 0;
        LeasedBatch next;
        while (claims < BATCH && (next = leasedBatches.poll()) != null) {
            if (!taken.isEmpty() && (!next.collection().equals(taken.get(0).collection())
                    || claims + next.claims().size() > BATCH)) {
                leasedBatches.add(next);
                break;
            }
            taken.add(next);
            claims += next.claims().size();
        }
        return taken;
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
     * The outbox's index, and none of the two an earlier version kept for the embedded store:
     * unique on {@code _id} with {@code version} and with the lease token. A write by {@code _id}
     * and a condition finds its document through the {@code _id} index on MongoDB and on the
     * embedded store alike (platform-embedded-store); those two only cost every insert, version
     * and lease change two more index updates, so they are dropped where they exist.
     */
    private void ensureIndexes(String collection) {
        // the sweep and the backlog gauge look for documents with a pending event: on MongoDB a sparse
        // index holds only those, so neither scans the aggregates whose events are all sent
        indexes.ensureSparse(collection, OutboxFields.PENDING + ".0");
        indexes.retire(collection, OutboxFields.ID, OutboxFields.VERSION);
        indexes.retire(collection, OutboxFields.ID, OutboxFields.LEASE_TOKEN);
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
        List<LeasedBatch> leased;
        while (!(leased = takeLeased()).isEmpty()) {
            relayLeased(leased);
        }
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
