package org.federation.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.TopicProbe;
import org.federation.platform.testing.TopicProbe.Seen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * The relay working in batches (one bulk write to claim a batch, one to release it) against the
 * embedded broker and store: the round trips a batch costs, a relay that dies between a batch's
 * send and its release, two relays claiming the same batch at the same moment, and an event
 * written while its aggregate is in a batch; and new aggregates written under the relay's lease
 * (a fan-out): sent without a claim, after a crash, and when their lease ran short in the queue.
 */
class OutboxRelayBatchTest {

    record Counter(String id, int value) {
    }

    record CounterChanged(String id, int value) {
    }

    private static final EmbeddedBackbone backbone = EmbeddedBackbone.get();
    private static final JsonMapper json = JsonMapper.builder().build();
    /** The store commands sent, by name (the relay's and the test's own). */
    private static final Map<String, AtomicInteger> commands = new ConcurrentHashMap<>();
    /** The {@code update} commands (single or bulk) sent, by collection. */
    private static final Map<String, AtomicInteger> updates = new ConcurrentHashMap<>();
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static Producer<String, byte[]> producer;

    private String collection;
    private String topic;

    @BeforeAll
    static void connect() {
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.computeIfAbsent(event.getCommandName(), c -> new AtomicInteger()).incrementAndGet();
                if (event.getCommandName().equals("update")) {
                    updates.computeIfAbsent(event.getCommand().getString("update").getValue(), c -> new AtomicInteger())
                            .incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(backbone.mongoUri("outbox-batch-test")))
                .addCommandListener(counting).build());
        mongo = new MongoTemplate(client, "outbox-batch-test");
        producer = backbone.relayProducer();
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        client.close();
    }

    @BeforeEach
    void freshTopic() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        collection = "batched_" + suffix;
        topic = "test.batched." + suffix;
        new FederationTopics(backbone.kafkaBootstrapServers(), 6, (short) 1, Duration.ofSeconds(30)).ensure(Set.of(topic));
    }

    private OutboxRelay relay(MongoTemplate store, Producer<String, byte[]> through, Clock clock) {
        return new OutboxRelay(store, through, List.of(new OutboxCollection(collection, topic)),
                new OutboxRelaySettings(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(15), 2), clock);
    }

    private AggregateStore store(OutboxRelay relay, Clock clock) {
        return new AggregateStore(mongo, json, "/test-service", relay, clock);
    }

    private static DomainEvent changed(String id, int value) {
        return new DomainEvent("org.federation.test.counter-changed.v1", "tester", new CounterChanged(id, value));
    }

    /** {@code count} aggregates with {@code events} pending events each, written without a running relay. */
    private List<OutboxRelay.Target> aggregates(OutboxRelay relay, Clock clock, int count, int events) {
        AggregateStore store = store(relay, clock);
        List<OutboxRelay.Target> targets = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            String id = "agg-" + a;
            store.insert(collection, id, new Counter(id, events),
                    IntStream.rangeClosed(1, events).mapToObj(v -> changed(id, v)).toList());
            targets.add(new OutboxRelay.Target(collection, id));
        }
        return targets;
    }

    private List<Document> pending(String id) {
        return mongo.findById(id, Document.class, collection).getList("pendingEvents", Document.class);
    }

    /**
     * Claiming and releasing a batch costs a fixed number of round trips, whatever its size: the
     * relay used to lease and pull each aggregate on its own (two {@code findAndModify} per
     * aggregate: 400 for this batch).
     */
    @Test
    void aBatchOf200AggregatesIsClaimedAndReleasedInAFewRoundTrips() {
        OutboxRelay relay = relay(mongo, producer, Clock.systemUTC());
        List<OutboxRelay.Target> targets = aggregates(relay, Clock.systemUTC(), 200, 1);
        commands.clear();

        assertThat(relay.relayAll(targets)).isEqualTo(200);

        assertThat(commands.getOrDefault("findAndModify", new AtomicInteger()).get()).isZero();
        assertThat(commands.get("update").get()).as("one bulk write to claim, one to release").isEqualTo(2);
        assertThat(commands.get("find").get()).as("one read of the claimed batch").isEqualTo(1);
        assertThat(targets).allSatisfy(t -> assertThat(pending(t.id())).isEmpty());
        try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
            assertThat(probe.awaitAtLeast(s -> true, 200, Duration.ofSeconds(30))).extracting(Seen::key)
                    .doesNotHaveDuplicates().hasSize(200);
        }
    }

    /**
     * A relay dies after the broker acknowledged a whole batch and before the batch's release: every
     * event stays pending under its lease. Once the lease lapsed (by the clock the relays read), the
     * next relay sends them again with the same ids and sequences, in order per aggregate, and an
     * idempotent consumer applies each event once.
     */
    @Test
    void aCrashBetweenABatchedSendAndItsReleaseLosesNothingAndTheResentEventsAreAppliedOnce() {
        OutboxRelayTest.MovableClock clock = new OutboxRelayTest.MovableClock();
        OutboxRelay dying = dyingBeforeItsRelease(clock);
        int count = 40;
        int events = 3;
        List<OutboxRelay.Target> targets = aggregates(dying, clock, count, events);

        assertThatThrownBy(() -> dying.relayAll(targets)).isInstanceOf(IllegalStateException.class);
        assertThat(targets).allSatisfy(t -> assertThat(pending(t.id())).as("nothing pulled").hasSize(events));

        OutboxRelay survivor = relay(mongo, producer, clock);
        assertThat(survivor.sweep()).as("the dead relay's leases still hold").isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(survivor.sweep()).isEqualTo(count * events);
        assertThat(targets).allSatisfy(t -> {
            assertThat(pending(t.id())).isEmpty();
            assertThat(mongo.findById(t.id(), Document.class, collection).get("relayLease")).isNull();
        });
        assertEachEventSentTwiceInOrderAndAppliedOnce(count, events);
    }

    /**
     * Every aggregate's {@code events} events are on the topic twice (a relay died after sending them,
     * another sent them again), in order, with the same ids the second time; an idempotent consumer
     * applies each once.
     */
    private void assertEachEventSentTwiceInOrderAndAppliedOnce(int count, int events) {
        String readModel = collection + "_read";
        IdempotentWrites writes = new IdempotentWrites(mongo);
        Map<String, List<Seen>> byAggregate = new LinkedHashMap<>();
        Map<String, Integer> applied = new HashMap<>();
        try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
            probe.awaitAtLeast(s -> true, 2 * count * events, Duration.ofSeconds(30));
            for (Seen seen : probe.drain(Duration.ofMillis(300))) {
                byAggregate.computeIfAbsent(seen.key(), k -> new ArrayList<>()).add(seen);
                if (writes.applyIfNewer(readModel, seen.key(), Long.parseLong(seen.headers().get("ce_sequence")),
                        new Update().set("payload", seen.payload()))) {
                    applied.merge(seen.key(), 1, Integer::sum);
                }
            }
        }
        assertThat(byAggregate).hasSize(count);
        List<String> inOrder = IntStream.rangeClosed(1, events).mapToObj(String::valueOf).toList();
        List<String> twice = new ArrayList<>(inOrder);
        twice.addAll(inOrder);
        byAggregate.forEach((id, seen) -> {
            assertThat(seen).extracting(s -> s.headers().get("ce_sequence")).as(id + " sent twice, in order")
                    .containsExactlyElementsOf(twice);
            assertThat(seen.subList(events, 2 * events)).extracting(s -> s.headers().get("ce_id")).as("the same events again")
                    .containsExactlyElementsOf(seen.subList(0, events).stream().map(s -> s.headers().get("ce_id")).toList());
            assertThat(applied.get(id)).as(id + " applied once each").isEqualTo(events);
            assertThat(mongo.findById(id, Document.class, readModel).get("sequence", Number.class).longValue()).isEqualTo(events);
        });
    }

    /** A relay (default settings) that dies after the broker acknowledged a batch, before its release. */
    private OutboxRelay dyingBeforeItsRelease(Clock clock) {
        return new OutboxRelay(mongo, producer, List.of(new OutboxCollection(collection, topic)),
                OutboxRelaySettings.defaults(), clock) {
            @Override
            protected void release(String collection, List<Claim> claims, int[] acknowledged) {
                throw new IllegalStateException("killed between the broker's acknowledgement and the release");
            }
        };
    }

    /** {@code count} new aggregates with {@code events} events each, for {@link AggregateStore#insertAll}. */
    private static List<AggregateStore.NewAggregate> newAggregates(String prefix, int count, int events) {
        return IntStream.range(0, count).mapToObj(a -> prefix + a).map(id -> new AggregateStore.NewAggregate(id,
                new Counter(id, events), IntStream.rangeClosed(1, events).mapToObj(v -> changed(id, v)).toList())).toList();
    }

    private long updatesOfTheCollection() {
        return updates.getOrDefault(collection, new AtomicInteger()).get();
    }

    /**
     * New aggregates written in one {@code insertMany} while the relay runs carry its lease from the
     * first write, so their events go out without the claim (a bulk write and a read per batch): the
     * store sees one bulk write per batch, the release. Writing the same aggregates again (the same
     * cause) creates nothing, sends nothing again and leaves no lease behind.
     */
    @Test
    void newAggregatesAreWrittenUnderTheRelaysLeaseAndSentWithoutAClaim() {
        OutboxRelay relay = relay(mongo, producer, Clock.systemUTC());
        AggregateStore store = store(relay, Clock.systemUTC());
        relay.start();
        try {
            updates.clear();
            List<AggregateStore.NewAggregate> written = newAggregates("new-", 300, 2);

            assertThat(store.insertAll(collection, written)).hasSize(300);

            try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
                Map<String, List<String>> sequences = new HashMap<>();
                probe.awaitAtLeast(s -> true, 600, Duration.ofSeconds(30)).forEach(s ->
                        sequences.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s.headers().get("ce_sequence")));
                assertThat(sequences).hasSize(300).allSatisfy((id, seq) -> assertThat(seq).containsExactly("1", "2"));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    written.stream().allMatch(a -> pending(a.id()).isEmpty()));
            assertThat(written).allSatisfy(a ->
                    assertThat(mongo.findById(a.id(), Document.class, collection).get("relayLease")).isNull());
            assertThat(updatesOfTheCollection()).as("one release per batch of 200, no claims").isEqualTo(2);

            assertThat(store.insertAll(collection, written)).as("the same cause again").isEmpty();
            assertThat(written).allSatisfy(a -> {
                assertThat(mongo.findById(a.id(), Document.class, collection).get("relayLease")).isNull();
                assertThat(pending(a.id())).isEmpty();
            });
            assertThat(relay.sweep()).isZero();
        } finally {
            relay.stop();
        }
    }

    /**
     * A single new aggregate ({@code insert}) is written under the relay's lease too: its events go
     * out with one store write after the insert (the release), not a claim, a read and a release.
     * Inserting the same id again is refused and leaves the stored aggregate, sent once, as it is.
     */
    @Test
    void aSingleNewAggregateIsWrittenUnderTheRelaysLeaseAndSentWithoutAClaim() {
        OutboxRelay relay = relay(mongo, producer, Clock.systemUTC());
        AggregateStore store = store(relay, Clock.systemUTC());
        relay.start();
        try {
            updates.clear();

            store.insert(collection, "single", new Counter("single", 2), List.of(changed("single", 1), changed("single", 2)));

            try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
                assertThat(probe.awaitAtLeast(s -> "single".equals(s.key()), 2, Duration.ofSeconds(30)))
                        .extracting(s -> s.headers().get("ce_sequence")).containsExactly("1", "2");
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pending("single").isEmpty());
            assertThat(mongo.findById("single", Document.class, collection).get("relayLease")).isNull();
            assertThat(updatesOfTheCollection()).as("the release only, no claim").isEqualTo(1);

            assertThatThrownBy(() -> store.insert(collection, "single", new Counter("single", 9), List.of(changed("single", 9))))
                    .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
            Document stored = mongo.findById("single", Document.class, collection);
            assertThat(stored.get("value")).isEqualTo(2);
            assertThat(stored.get("relayLease")).isNull();
            assertThat(pending("single")).isEmpty();
            assertThat(relay.sweep()).isZero();
            try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
                assertThat(probe.drain(Duration.ofMillis(500))).filteredOn(s -> "single".equals(s.key())).hasSize(2);
            }
        } finally {
            relay.stop();
        }
    }

    /**
     * New aggregates inserted one by one while the relay's only thread is busy go out together once
     * it is free: one send and one release for all of them, not one each (a steady stream of single
     * writes gets the batches a fan-out gets).
     */
    @Test
    void singleNewAggregatesWrittenWhileTheRelayIsBusyAreSentAndReleasedTogether() throws Exception {
        HeldAtFirstSend held = new HeldAtFirstSend();
        OutboxRelay relay = oneThreadRelay(held.producer, Clock.systemUTC());
        AggregateStore store = store(relay, Clock.systemUTC());
        relay.start();
        try {
            updates.clear();
            store.insert(collection, "first", new Counter("first", 1), List.of(changed("first", 1)));
            assertThat(held.sending.await(20, TimeUnit.SECONDS)).as("the only relay thread is sending").isTrue();
            for (int i = 0; i < 20; i++) {
                String id = "next-" + i;
                store.insert(collection, id, new Counter(id, 1), List.of(changed(id, 1)));
            }
            held.goOn.countDown();

            try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
                assertThat(probe.awaitAtLeast(s -> true, 21, Duration.ofSeconds(30))).extracting(Seen::key)
                        .doesNotHaveDuplicates().contains("first", "next-0", "next-19");
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> IntStream.range(0, 20)
                    .allMatch(i -> pending("next-" + i).isEmpty()) && pending("first").isEmpty());
            assertThat(updatesOfTheCollection()).as("the first one's release and one release for the twenty").isEqualTo(2);
        } finally {
            held.goOn.countDown();
            relay.stop();
        }
    }

    /**
     * A relay dies after the broker acknowledged new aggregates' events it held the lease on from
     * their first write, before the release: every event stays pending under that lease. Once it
     * lapsed, another relay's sweep sends them again with the same ids and sequences, in order, and
     * an idempotent consumer applies each once.
     */
    @Test
    void aCrashBetweenTheSendAndTheReleaseOfNewAggregatesLosesNothingAndTheResentEventsAreAppliedOnce() {
        OutboxRelayTest.MovableClock clock = new OutboxRelayTest.MovableClock();
        OutboxRelay dying = dyingBeforeItsRelease(clock);
        int count = 40;
        int events = 3;
        List<AggregateStore.NewAggregate> written = newAggregates("fan-", count, events);
        dying.start();
        try {
            store(dying, clock).insertAll(collection, written);
            try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
                probe.awaitAtLeast(s -> true, count * events, Duration.ofSeconds(30));
            }
        } finally {
            dying.stop();
        }
        assertThat(written).allSatisfy(a -> {
            assertThat(pending(a.id())).as("nothing pulled").hasSize(events);
            assertThat(mongo.findById(a.id(), Document.class, collection).get("relayLease")).as("still leased").isNotNull();
        });

        OutboxRelay survivor = relay(mongo, producer, clock);
        assertThat(survivor.sweep()).as("the dead relay's lease still holds").isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(survivor.sweep()).isEqualTo(count * events);
        assertThat(written).allSatisfy(a -> {
            assertThat(pending(a.id())).isEmpty();
            assertThat(mongo.findById(a.id(), Document.class, collection).get("relayLease")).isNull();
        });
        assertEachEventSentTwiceInOrderAndAppliedOnce(count, events);
    }

    /**
     * New aggregates whose batch waited behind another until their first lease is too short for a
     * send (the broker held the only relay thread for 20 s of a 30 s lease) are not sent under it:
     * the relay drops the lease, and the next sweep sends them at once instead of after the lapse.
     * One of them, given a second event while it waited, was asked for again, so both its events go
     * out right away under a fresh claim, not at the next sweep.
     */
    @Test
    void newAggregatesThatWaitedTooLongForTheirFirstLeaseAreLeftToTheSweepAndNothingIsLost() throws Exception {
        OutboxRelayTest.MovableClock clock = new OutboxRelayTest.MovableClock();
        HeldAtFirstSend held = new HeldAtFirstSend();
        Map<String, AtomicInteger> sends = held.sends;
        OutboxRelay relay = oneThreadRelay(held.producer, clock);
        AggregateStore store = store(relay, clock);
        relay.start();
        try {
            store.insertAll(collection, newAggregates("first-", 1, 1));
            assertThat(held.sending.await(20, TimeUnit.SECONDS)).as("the only relay thread is sending").isTrue();
            List<AggregateStore.NewAggregate> waiting = newAggregates("waiting-", 5, 1);
            store.insertAll(collection, waiting);
            store.update(collection, "waiting-0", store.find(collection, "waiting-0", Counter.class).orElseThrow(),
                    new Counter("waiting-0", 2), List.of(changed("waiting-0", 2)));
            clock.advance(Duration.ofSeconds(20));
            held.goOn.countDown();

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> pending("waiting-0").isEmpty()
                    && waiting.stream().allMatch(a -> mongo.findById(a.id(), Document.class, collection).get("relayLease") == null));
            try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
                assertThat(probe.awaitAtLeast(s -> "waiting-0".equals(s.key()), 2, Duration.ofSeconds(20)))
                        .as("asked for again when the batch let go of it: claimed afresh and sent at once")
                        .extracting(s -> s.headers().get("ce_sequence")).containsExactly("1", "2");
            }
            assertThat(sends.get("waiting-0")).hasValue(2);
            assertThat(waiting.subList(1, 5)).allSatisfy(a -> {
                assertThat(sends).as("not sent under the lease that ran short").doesNotContainKey(a.id());
                assertThat(pending(a.id())).hasSize(1);
            });

            assertThat(relay.sweep()).as("sent at once, not after the lease's lapse").isEqualTo(4);
            assertThat(waiting).allSatisfy(a -> assertThat(pending(a.id())).isEmpty());
        } finally {
            held.goOn.countDown();
            relay.stop();
        }
    }

    /**
     * Two relays claim the same batch at the same moment (their claim bulk writes are released
     * together, one walking the batch forwards, the other backwards, so they meet inside it): each
     * aggregate is won by exactly one of them, and every event is sent exactly once.
     */
    @Test
    void twoRelaysClaimingOneBatchAtOnceWinDisjointPartsAndSendEachEventOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        Producer<String, byte[]> counting = countingSends(sends);
        OutboxRelay first = relay(barrierOnFirstBulk(together), counting, Clock.systemUTC());
        OutboxRelay second = relay(barrierOnFirstBulk(together), counting, Clock.systemUTC());
        int count = 150;
        int events = 2;
        List<OutboxRelay.Target> targets = aggregates(first, Clock.systemUTC(), count, events);
        List<OutboxRelay.Target> backwards = new ArrayList<>(targets);
        java.util.Collections.reverse(backwards);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> a = pool.submit(() -> first.relayAll(targets));
        Future<Integer> b = pool.submit(() -> second.relayAll(backwards));
        int sentByFirst = a.get(60, TimeUnit.SECONDS);
        int sentBySecond = b.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(sentByFirst + sentBySecond).isEqualTo(count * events);
        assertThat(sends).hasSize(count * events).allSatisfy((id, n) -> assertThat(n.get()).as(id).isEqualTo(1));
        assertThat(targets).allSatisfy(t -> assertThat(pending(t.id())).isEmpty());
        try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
            probe.awaitAtLeast(s -> true, count * events, Duration.ofSeconds(30));
            Map<String, List<String>> sequences = new HashMap<>();
            probe.drain(Duration.ofMillis(300)).forEach(s -> sequences.computeIfAbsent(s.key(), k -> new ArrayList<>())
                    .add(s.headers().get("ce_sequence")));
            assertThat(sequences).hasSize(count).allSatisfy((id, seq) -> assertThat(seq).containsExactly("1", "2"));
        }
    }

    /**
     * A relay that claims a batch while another relay is sending it (the other's leases live) wins
     * none of it and sends nothing: each document's claim inside the bulk write is a compare-and-set
     * on the lease token it expects, never a blind overwrite.
     */
    @Test
    void aRelayClaimingABatchAnotherIsSendingWinsNoneOfItAndSendsNothing() {
        Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        OutboxRelay other = relay(mongo, countingSends(sends), Clock.systemUTC());
        List<OutboxRelay.Target> targets = new ArrayList<>();
        int[] sentByOther = {-1};
        OutboxRelay sending = relay(mongo, intercepting(record -> {
            if (sentByOther[0] < 0) {
                sentByOther[0] = other.relayAll(targets);
            }
        }), Clock.systemUTC());
        targets.addAll(aggregates(sending, Clock.systemUTC(), 50, 2));

        assertThat(sending.relayAll(targets)).isEqualTo(100);

        assertThat(sentByOther[0]).isZero();
        assertThat(sends).isEmpty();
        assertThat(targets).allSatisfy(t -> assertThat(pending(t.id())).isEmpty());
    }

    /**
     * An event written while its aggregate is in a batch being sent goes out right after that
     * batch, not at the next sweep (ten minutes away here): the write asks for the aggregate again
     * and the request waits until the batch let go of it.
     */
    @Test
    void anEventWrittenWhileItsAggregateIsBeingSentGoesOutRightAfterTheBatch() {
        AggregateStore[] store = new AggregateStore[1];
        boolean[] written = {false};
        Producer<String, byte[]> writingMeanwhile = intercepting(record -> {
            if (!written[0]) {
                written[0] = true;
                store[0].update(collection, "busy", store[0].find(collection, "busy", Counter.class).orElseThrow(),
                        new Counter("busy", 2), List.of(changed("busy", 2)));
            }
        });
        OutboxRelay relay = relay(mongo, writingMeanwhile, Clock.systemUTC());
        store[0] = store(relay, Clock.systemUTC());
        relay.start();
        try {
            store[0].insert(collection, "busy", new Counter("busy", 1), List.of(changed("busy", 1)));
            try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
                assertThat(probe.awaitAtLeast(s -> "busy".equals(s.key()), 2, Duration.ofSeconds(20)))
                        .extracting(s -> s.headers().get("ce_sequence")).containsExactly("1", "2");
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pending("busy").isEmpty());
        } finally {
            relay.stop();
        }
    }

    /** The real producer, counting each event id it is asked to send. */
    /**
     * A relay producer whose first send waits until {@code goOn} (so the relay's only thread is busy
     * meanwhile), counting the sends of each key.
     */
    private static final class HeldAtFirstSend {
        final java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch goOn = new java.util.concurrent.CountDownLatch(1);
        final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        final Producer<String, byte[]> producer = intercepting(record -> {
            sends.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
            if (sending.getCount() > 0) {
                sending.countDown();
                try {
                    goOn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** A relay with one thread, so what is written while it sends waits for it. */
    private OutboxRelay oneThreadRelay(Producer<String, byte[]> through, Clock clock) {
        return new OutboxRelay(mongo, through, List.of(new OutboxCollection(collection, topic)),
                new OutboxRelaySettings(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(15), 1), clock);
    }

    private static Producer<String, byte[]> countingSends(Map<String, AtomicInteger> sends) {
        return intercepting(record -> sends.computeIfAbsent(new String(record.headers().lastHeader("ce_id").value(),
                java.nio.charset.StandardCharsets.UTF_8), k -> new AtomicInteger()).incrementAndGet());
    }

    /** The real producer, with {@code before} run ahead of each send. */
    @SuppressWarnings("unchecked")
    private static Producer<String, byte[]> intercepting(java.util.function.Consumer<ProducerRecord<String, byte[]>> before) {
        return (Producer<String, byte[]>) java.lang.reflect.Proxy.newProxyInstance(OutboxRelayBatchTest.class.getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send") && args.length == 1) {
                        before.accept((ProducerRecord<String, byte[]>) args[0]);
                        Future<RecordMetadata> sent = producer.send((ProducerRecord<String, byte[]>) args[0]);
                        return sent;
                    }
                    try {
                        return method.invoke(producer, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The test's store, whose first bulk write (a relay's claim) waits for the other relay's at the barrier. */
    private static MongoTemplate barrierOnFirstBulk(CyclicBarrier barrier) {
        boolean[] first = {true};
        return new MongoTemplate(client, "outbox-batch-test") {
            @Override
            public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
                BulkOperations bulk = super.bulkOps(mode, collectionName);
                if (!first[0]) {
                    return bulk;
                }
                first[0] = false;
                return (BulkOperations) java.lang.reflect.Proxy.newProxyInstance(OutboxRelayBatchTest.class.getClassLoader(),
                        new Class<?>[] {BulkOperations.class}, (proxy, method, args) -> {
                            if (method.getName().equals("execute")) {
                                barrier.await(30, TimeUnit.SECONDS);
                            }
                            try {
                                Object result = method.invoke(bulk, args);
                                return result == bulk ? proxy : result;
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
