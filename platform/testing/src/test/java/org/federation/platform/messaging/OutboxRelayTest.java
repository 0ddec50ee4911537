package org.federation.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.TopicProbe;
import org.federation.platform.testing.TopicProbe.Seen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import tools.jackson.databind.json.JsonMapper;

/**
 * The in-document outbox and its relay against a real (embedded) Kafka broker and Mongo-wire
 * store: order, leases, races with business writes, and a relay that dies between the broker's
 * acknowledgement and the {@code $pull}.
 */
class OutboxRelayTest {

    record Counter(String id, String name, int value) {
    }

    record CounterChanged(String id, int value) {
    }

    private static final EmbeddedBackbone backbone = EmbeddedBackbone.get();
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static Producer<String, byte[]> producer;
    private static final JsonMapper json = JsonMapper.builder().build();

    private String collection;
    private String topic;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(backbone.mongoUri("outbox-test"));
        mongo = new MongoTemplate(client, "outbox-test");
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
        collection = "counters_" + suffix;
        topic = "test.counters." + suffix;
        new FederationTopics(backbone.kafkaBootstrapServers(), 6, (short) 1, Duration.ofSeconds(30)).ensure(Set.of(topic));
    }

    private OutboxRelay relay(OutboxRelaySettings settings) {
        return new OutboxRelay(mongo, producer, List.of(new OutboxCollection(collection, topic)), settings, Clock.systemUTC());
    }

    private AggregateStore store(OutboxRelay relay) {
        return new AggregateStore(mongo, json, "/test-service", relay, Clock.systemUTC());
    }

    private static DomainEvent changed(String id, int value) {
        return new DomainEvent("org.federation.test.counter-changed.v1", "tester", new CounterChanged(id, value));
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, collection);
    }

    @Test
    void sendsAnInsertedAggregatesEventWithTheEnvelopeAndRemovesIt() {
        OutboxRelay relay = relay(OutboxRelaySettings.defaults());
        AggregateStore store = store(relay);

        store.insert(collection, "c1", new Counter("c1", "first", 1), List.of(changed("c1", 1)));
        assertThat(stored("c1").getList("pendingEvents", Document.class)).hasSize(1);

        assertThat(relay.relay(collection, "c1")).isEqualTo(1);

        assertThat(stored("c1").getList("pendingEvents", Document.class)).isEmpty();
        assertThat(stored("c1").get("relayLease")).isNull();
        try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
            Seen event = probe.await(s -> true, Duration.ofSeconds(20)).get(0);
            assertThat(event.key()).isEqualTo("c1");
            assertThat(event.headers()).containsEntry("ce_type", "org.federation.test.counter-changed.v1")
                    .containsEntry("ce_source", "/test-service").containsEntry("ce_subject", "c1")
                    .containsEntry("ce_specversion", "1.0").containsEntry("ce_actor", "tester")
                    .containsEntry("sequence", "1").containsEntry("ce_sequence", "1")
                    .containsEntry("content-type", "application/json").containsKeys("ce_id", "ce_time");
            assertThat(json.readValue(event.payload(), CounterChanged.class)).isEqualTo(new CounterChanged("c1", 1));
        }
    }

    /** A counter's commands, deciding state and events together as every aggregate does. */
    private static Decision<Counter> count(Counter counter, String actor) {
        Counter next = new Counter(counter.id(), counter.name(), counter.value() + 1);
        return Decision.of(next, new DomainEvent("org.federation.test.counter-changed.v1", actor,
                new CounterChanged(next.id(), next.value())));
    }

    @Test
    void aRepositoryStoresDecisionsWithTheirActorsAndACloudEventsLibraryReadsThePublishedRecords() {
        OutboxRelay relay = relay(OutboxRelaySettings.defaults());
        AggregateRepository<Counter, Counter> counters = store(relay).repository(collection, topic, Counter.class);
        assertThat(relay.collections()).contains(new OutboxCollection(collection, topic));

        counters.create("r1", Decision.of(new Counter("r1", "read by the sdk", 0),
                new DomainEvent("org.federation.test.counter-created.v1", "2023010001", new CounterChanged("r1", 0))));
        Decision<Counter> counted = counters.change("r1", "counter", c -> count(c, "2023010002"));
        assertThat(counted.state().value()).isEqualTo(1);
        assertThat(counters.change("missing", c -> count(c, "x"))).isEmpty();
        assertThatThrownBy(() -> counters.change("missing", "counter", c -> count(c, "x")))
                .isInstanceOf(org.federation.platform.problem.ResourceNotFoundException.class);
        assertThat(relay.relay(collection, "r1")).isEqualTo(2);

        Map<String, Object> config = new HashMap<>();
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, backbone.kafkaBootstrapServers());
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, "sdk-" + UUID.randomUUID());
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<io.cloudevents.CloudEvent> read = new ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new io.cloudevents.kafka.CloudEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
                return read.size() >= 2;
            });
        }
        io.cloudevents.CloudEvent second = read.get(1);
        assertThat(read.get(0).getType()).isEqualTo("org.federation.test.counter-created.v1");
        assertThat(read.get(0).getExtension("actor")).isEqualTo("2023010001");
        assertThat(read.get(0).getExtension("sequence")).isEqualTo("1");
        assertThat(second.getId()).isNotBlank();
        assertThat(second.getType()).isEqualTo("org.federation.test.counter-changed.v1");
        assertThat(second.getSource()).hasToString("/test-service");
        assertThat(second.getSubject()).isEqualTo("r1");
        assertThat(second.getTime()).isNotNull();
        assertThat(second.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(second.getExtension("actor")).isEqualTo("2023010002");
        assertThat(second.getExtension("sequence")).isEqualTo("2");
        assertThat(second.getDataContentType()).isEqualTo("application/json");
        assertThat(json.readValue(second.getData().toBytes(), CounterChanged.class)).isEqualTo(new CounterChanged("r1", 1));
    }

    @Test
    void aDocumentStoredBeforeRepositoriesExistedLoadsChangesAndSendsItsPendingEventWithBothSequenceHeaders() {
        OutboxRelay relay = relay(OutboxRelaySettings.defaults());
        // as the previous AggregateStore wrote it: a type hint, version, last sequence, one event still pending
        mongo.getCollection(collection).insertOne(new Document("_id", "old").append("_class", "a.former.Counter")
                .append("name", "from before").append("value", 5).append("version", 3L).append("lastSequence", 1L)
                .append("pendingEvents", List.of(new Document("id", "e-old").append("type", "org.federation.test.counter-changed.v1")
                        .append("source", "/test-service").append("subject", "old")
                        .append("time", java.util.Date.from(java.time.Instant.parse("2026-11-30T08:00:00Z")))
                        .append("actor", "2023010003").append("sequence", 1L).append("payload", "{\"id\":\"old\",\"value\":5}"))));
        AggregateRepository<Counter, Counter> counters = store(relay).repository(collection, topic, Counter.class);

        assertThat(counters.find("old")).contains(new Counter("old", "from before", 5));
        assertThat(counters.change("old", "counter", c -> count(c, "2023010004")).state().value()).isEqualTo(6);
        assertThat(relay.relay(collection, "old")).isEqualTo(2);

        try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
            List<Seen> seen = probe.awaitAtLeast(s -> "old".equals(s.key()), 2, Duration.ofSeconds(20));
            assertThat(seen).extracting(s -> s.headers().get("ce_id")).first().isEqualTo("e-old");
            assertThat(seen).extracting(s -> s.headers().get("ce_sequence") + "/" + s.headers().get("sequence") + "/"
                    + s.headers().get("ce_actor")).containsExactly("1/1/2023010003", "2/2/2023010004");
        }
    }

    @Test
    void aConsumerReadsTheSequenceFromTheExtensionAndFallsBackToTheOldHeader() {
        byte[] payload = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Object> headers = new HashMap<>(Map.of("ce_id", "e1", "ce_type", "t.v1", "ce_source", "/s",
                "ce_subject", "a1", "ce_time", "2026-12-06T12:00:00Z", "sequence", "4"));
        assertThat(EventEnvelope.fromHeaders(headers, payload).sequence()).isEqualTo(4);
        headers.put("ce-sequence", "5".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(EventEnvelope.fromHeaders(headers, payload).sequence()).isEqualTo(5);
    }

    @Test
    void aBatchInsertedOnceAndAgainCreatesEachAggregateOnceAndSendsEachEventOnce() {
        OutboxRelay relay = relay(OutboxRelaySettings.defaults());
        AggregateStore store = store(relay);
        store.insert(collection, "b2", new Counter("b2", "already there", 2), List.of(changed("b2", 2)));
        List<AggregateStore.NewAggregate> batch = java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> "b" + i)
                .map(id -> new AggregateStore.NewAggregate(id, new Counter(id, "batch", 1), List.of(changed(id, 1)))).toList();

        assertThat(store.insertAll(collection, batch)).as("b2 was there").containsExactly("b1", "b3", "b4", "b5");
        assertThat(store.insertAll(collection, batch)).as("a repeated batch creates nothing").isEmpty();
        assertThat(store.insertAll(collection, List.of())).isEmpty();
        assertThat(stored("b2").getString("name")).isEqualTo("already there");
        assertThat(stored("b4").getList("pendingEvents", Document.class)).hasSize(1);
        assertThat(stored("b4").get("version", Number.class).longValue()).isEqualTo(1);

        assertThat(relay.sweep()).isEqualTo(5);
        try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
            assertThat(probe.awaitAtLeast(s -> true, 5, Duration.ofSeconds(20))).extracting(Seen::key)
                    .containsExactlyInAnyOrder("b1", "b2", "b3", "b4", "b5");
        }
    }

    @Test
    void aStaleVersionIsRefusedAndAppendsNothing() {
        OutboxRelay relay = relay(OutboxRelaySettings.defaults());
        AggregateStore store = store(relay);
        store.insert(collection, "c1", new Counter("c1", "first", 1), List.of(changed("c1", 1)));
        Versioned<Counter> loaded = store.find(collection, "c1", Counter.class).orElseThrow();
        store.update(collection, "c1", loaded, new Counter("c1", "first", 2), List.of(changed("c1", 2)));

        assertThatThrownBy(() -> store.update(collection, "c1", loaded, new Counter("c1", "lost", 3), List.of(changed("c1", 3))))
                .isInstanceOf(ConcurrentAggregateUpdateException.class);

        Versioned<Counter> now = store.find(collection, "c1", Counter.class).orElseThrow();
        assertThat(now.state()).isEqualTo(new Counter("c1", "first", 2));
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.lastSequence()).isEqualTo(2);
        assertThat(stored("c1").getList("pendingEvents", Document.class)).extracting(d -> d.get("sequence"))
                .containsExactly(1L, 2L);
    }

    @Test
    void aDocumentWrittenBeforeItsCollectionHadAnOutboxIsChangedOnceAndGetsAVersion() {
        OutboxRelay relay = relay(OutboxRelaySettings.defaults());
        AggregateStore store = store(relay);
        mongo.insert(new Document("_id", "old").append("name", "plain insert").append("value", 1), collection);
        Versioned<Counter> loaded = store.find(collection, "old", Counter.class).orElseThrow();
        assertThat(loaded.version()).isZero();

        store.update(collection, "old", loaded, new Counter("old", "changed", 2), List.of(changed("old", 2)));

        assertThatThrownBy(() -> store.update(collection, "old", loaded, new Counter("old", "lost", 3), List.of()))
                .as("the same stale read is refused once the document has a version")
                .isInstanceOf(ConcurrentAggregateUpdateException.class);
        Versioned<Counter> now = store.find(collection, "old", Counter.class).orElseThrow();
        assertThat(now.state()).isEqualTo(new Counter("old", "changed", 2));
        assertThat(now.version()).isEqualTo(1);
        assertThat(now.lastSequence()).isEqualTo(1);
    }

    @Test
    void businessWritesRacingTheRelayNeitherLoseNorResurrectEvents() throws Exception {
        OutboxRelay relay = relay(OutboxRelaySettings.defaults());
        AggregateStore store = store(relay);
        int writes = 60;
        store.insert(collection, "c1", new Counter("c1", "raced", 0), List.of(changed("c1", 0)));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch done = new CountDownLatch(1);
        Future<?> writer = pool.submit(() -> {
            for (int i = 1; i <= writes; i++) {
                Versioned<Counter> current = store.find(collection, "c1", Counter.class).orElseThrow();
                store.update(collection, "c1", current, new Counter("c1", "raced", i), List.of(changed("c1", i)));
            }
            done.countDown();
            return null;
        });
        Future<?> relaying = pool.submit(() -> {
            while (done.getCount() > 0) {
                relay.relay(collection, "c1");
            }
            relay.relay(collection, "c1");
            return null;
        });
        writer.get(60, TimeUnit.SECONDS);
        relaying.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(stored("c1").getList("pendingEvents", Document.class)).isEmpty();
        assertThat(stored("c1").get("version", Number.class).longValue()).isEqualTo(writes + 1);
        assertThat(sequencesOnTopic("c1", writes + 1)).containsExactlyElementsOf(range(1, writes + 1));
    }

    @Test
    void twoRelaysNeverInterleaveAnAggregatesEvents() throws Exception {
        OutboxRelay first = relay(OutboxRelaySettings.defaults());
        OutboxRelay second = relay(OutboxRelaySettings.defaults());
        AggregateStore store = store(first);
        List<String> ids = List.of("a", "b", "c", "d");
        int eventsEach = 25;
        for (String id : ids) {
            List<DomainEvent> events = new ArrayList<>();
            for (int i = 1; i <= eventsEach; i++) {
                events.add(changed(id, i));
            }
            store.insert(collection, id, new Counter(id, id, eventsEach), events);
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> a = pool.submit(first::sweep);
        Future<Integer> b = pool.submit(second::sweep);
        int sent = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(sent).isEqualTo(ids.size() * eventsEach);
        for (String id : ids) {
            assertThat(sequencesOnTopic(id, eventsEach)).containsExactlyElementsOf(range(1, eventsEach));
            assertThat(stored(id).getList("pendingEvents", Document.class)).isEmpty();
        }
    }

    @Test
    void aRelayThatDiesAfterTheAckLeavesTheEventsForTheNextRelayWhichSendsThemAgain() {
        OutboxRelaySettings shortLease = new OutboxRelaySettings(Duration.ofMillis(1500), Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1);
        OutboxRelay dying = new OutboxRelay(mongo, producer, List.of(new OutboxCollection(collection, topic)),
                shortLease, Clock.systemUTC()) {
            @Override
            protected void release(String collection, List<Claim> claims, int[] acknowledged) {
                throw new IllegalStateException("killed between the broker's acknowledgement and the $pull");
            }
        };
        AggregateStore store = store(dying);
        store.insert(collection, "c1", new Counter("c1", "x", 1), List.of(changed("c1", 1)));

        assertThatThrownBy(() -> dying.relay(collection, "c1")).isInstanceOf(IllegalStateException.class);
        assertThat(stored("c1").getList("pendingEvents", Document.class)).hasSize(1);

        OutboxRelay survivor = relay(shortLease);
        assertThat(survivor.relay(collection, "c1")).as("the lease still protects the dead relay's claim").isZero();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> survivor.relay(collection, "c1") == 1);

        assertThat(stored("c1").getList("pendingEvents", Document.class)).isEmpty();
        assertThat(sequencesOnTopic("c1", 2)).containsExactly(1L, 1L);
    }

    @Test
    void theRelayStartedAsALifecycleSendsRightAfterTheWrite() {
        OutboxRelay relay = relay(new OutboxRelaySettings(Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofSeconds(10), 2));
        relay.start();
        try {
            store(relay).insert(collection, "now", new Counter("now", "n", 1), List.of(changed("now", 1)));
            assertThat(sequencesOnTopic("now", 1)).containsExactly(1L);
        } finally {
            relay.stop();
        }
    }

    /** A lifecycle bean at another bean's phase that notes when it is stopped and may act while stopping. */
    record Stage(String name, int phase, List<String> stopped, Runnable onStop) implements org.springframework.context.SmartLifecycle {
        @Override public void start() { }
        @Override public boolean isRunning() { return !stopped.contains(name); }
        @Override public int getPhase() { return phase; }
        @Override public void stop() {
            onStop.run();
            stopped.add(name);
        }
    }

    /**
     * On SIGTERM the web server drains first (a request in flight writes its event while it
     * stops), then the relay sends what the request left, then the consumers stop. With the
     * default phase the relay stopped first and the in-flight request's event stayed behind.
     */
    @Test
    void onShutdownTheRelayStopsAfterTheWebServerDrainedAndBeforeTheConsumersAndSendsWhatTheLastRequestsWrote() {
        OutboxRelay relay = relay(new OutboxRelaySettings(Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofSeconds(10), 2));
        AggregateStore store = store(relay);
        List<String> stopped = java.util.Collections.synchronizedList(new ArrayList<>());
        int consumersPhase = new org.springframework.cloud.stream.binding.InputBindingLifecycle(null, Map.of()).getPhase();
        try (var context = new org.springframework.context.support.GenericApplicationContext()) {
            context.registerBean("webServer", Stage.class, () -> new Stage("web server",
                    org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE,
                    stopped, () -> store.insert(collection, "late", new Counter("late", "l", 1), List.of(changed("late", 1)))));
            context.registerBean("outboxRelay", OutboxRelay.class, () -> relay);
            context.registerBean("consumers", Stage.class, () -> new Stage("consumers", consumersPhase, stopped,
                    () -> stopped.add(relay.isRunning() ? "relay still running" : "relay stopped")));
            context.refresh();
            assertThat(relay.isRunning()).isTrue();
        }
        assertThat(stopped).containsExactly("web server", "relay stopped", "consumers");
        assertThat(stored("late").getList("pendingEvents", Document.class)).isEmpty();
        assertThat(sequencesOnTopic("late", 1)).containsExactly(1L);
    }

    /** A clock the test moves: the relays read their leases' time from it. */
    static final class MovableClock extends Clock {
        private volatile java.time.Instant now = java.time.Instant.parse("2026-11-30T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    /** The real producer, with a hook that sees (and may delay or replace) each send. */
    @SuppressWarnings("unchecked")
    private static Producer<String, byte[]> slowed(java.util.function.Function<org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>,
            Future<org.apache.kafka.clients.producer.RecordMetadata>> send) {
        return (Producer<String, byte[]>) java.lang.reflect.Proxy.newProxyInstance(OutboxRelayTest.class.getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send") && args.length == 1) {
                        return send.apply((org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>) args[0]);
                    }
                    try {
                        return method.invoke(producer, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static String header(org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private void insertThreeEvents(AggregateStore store, String id) {
        store.insert(collection, id, new Counter(id, id, 3), List.of(changed(id, 1), changed(id, 2), changed(id, 3)));
    }

    @Test
    void aRelayWhoseBrokerIsSlowerThanItsLeaseStopsSendingSoTwoRelaysPublishEachAggregateInOrderWithoutAGap() {
        MovableClock clock = new MovableClock();
        OutboxRelaySettings settings = OutboxRelaySettings.defaults(); // lease 30 s, send timeout 15 s
        OutboxRelay other = new OutboxRelay(mongo, producer, List.of(new OutboxCollection(collection, topic)), settings, clock);
        boolean[] otherSwept = {false};
        // every send of the slow relay takes 20 s; once its lease (30 s) has run out, the other instance sweeps
        OutboxRelay slow = new OutboxRelay(mongo, slowed(record -> {
            clock.advance(Duration.ofSeconds(20));
            if (clock.instant().isAfter(java.time.Instant.parse("2026-11-30T08:00:30Z")) && !otherSwept[0]) {
                otherSwept[0] = true;
                other.sweep();
            }
            return producer.send(record);
        }), List.of(new OutboxCollection(collection, topic)), settings, clock);
        insertThreeEvents(store(slow), "x");

        try {
            slow.relay(collection, "x");
        } catch (OutboxRelayException expected) {
            // the round ran out of lease: what it could not send stays pending
        }
        other.sweep();

        assertThat(stored("x").getList("pendingEvents", Document.class)).isEmpty();
        assertThat(sequencesOnTopic("x", 3)).as("in order, each once, no gap").containsExactly(1L, 2L, 3L);
    }

    @Test
    void afterALostAcknowledgementTheAggregateIsResentFromThatEventInOrderWithTheSameIdAndSequence() {
        OutboxRelay other = relay(OutboxRelaySettings.defaults());
        OutboxRelay losing = new OutboxRelay(mongo, slowed(record -> {
            Future<org.apache.kafka.clients.producer.RecordMetadata> sent = producer.send(record);
            if (header(record, "ce_sequence").equals("2")) {
                try {
                    sent.get(20, TimeUnit.SECONDS); // on the topic, but its acknowledgement never reaches the relay
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return java.util.concurrent.CompletableFuture.failedFuture(
                        new org.apache.kafka.common.errors.TimeoutException("acknowledgement lost"));
            }
            return sent;
        }), List.of(new OutboxCollection(collection, topic)), OutboxRelaySettings.defaults(), Clock.systemUTC());
        insertThreeEvents(store(losing), "y");

        assertThatThrownBy(() -> losing.relay(collection, "y")).isInstanceOf(OutboxRelayException.class);
        assertThat(stored("y").getList("pendingEvents", Document.class)).as("only the acknowledged first event left")
                .extracting(e -> e.get("sequence", Number.class).longValue()).containsExactly(2L, 3L);
        assertThat(other.relay(collection, "y")).isEqualTo(2);

        try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
            probe.awaitAtLeast(s -> "y".equals(s.key()), 4, Duration.ofSeconds(30));
            List<Seen> seen = probe.drain(Duration.ofMillis(300)).stream().filter(s -> "y".equals(s.key())).toList();
            assertThat(seen).extracting(s -> Long.parseLong(s.headers().get("ce_sequence")))
                    .as("never out of order nor with a gap; the resend repeats the unacknowledged event")
                    .containsExactly(1L, 2L, 2L, 3L);
            assertThat(seen.get(1).headers().get("ce_id")).isEqualTo(seen.get(2).headers().get("ce_id"));
            assertThat(seen.get(2).headers().get("sequence")).isEqualTo("2");
        }
    }

    private List<Long> sequencesOnTopic(String key, int expected) {
        try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
            probe.await(s -> key.equals(s.key()) && probe.countFor(key) >= expected, Duration.ofSeconds(30));
            return probe.drain(Duration.ofMillis(300)).stream().filter(s -> key.equals(s.key()))
                    .map(s -> Long.parseLong(s.headers().get("sequence"))).toList();
        }
    }

    private static List<Long> range(int from, int to) {
        List<Long> values = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }
}
