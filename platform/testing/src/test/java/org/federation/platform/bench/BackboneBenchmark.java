package org.federation.platform.bench;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.FederationTopics;
import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.messaging.OutboxRelay;
import org.federation.platform.messaging.OutboxRelaySettings;
import org.federation.platform.testing.EmbeddedBackbone;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backbone's speed on this machine, printed, never asserted. Run with
 * {@code ./mvnw -pl platform/testing -am test -Dgroups=bench -Dsurefire.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>Measures, in one run: the plain Kafka producer→consumer rate, the plain MongoDB-driver rate
 * of the single-document writes the backbone makes per event, the limit those two give, and the
 * backbone itself (outbox write → relay → Kafka → idempotent consumer update), flat out and at a
 * steady half of the limit, with p50/p99 delay; and flat out once more with tracing, for its overhead.
 */
@Tag("bench")
class BackboneBenchmark {

    static final int EVENTS = Integer.getInteger("bench.events", 5_000);
    /** Outbox insert, relay claim, relay $pull, consumer upsert. */
    static final int WRITES_PER_EVENT = 4;
    static final String PAYLOAD = "{\"club\":{\"id\":\"%s\",\"name\":\"acmore编程协会 acmore Programming Club\","
            + "\"category\":\"academic-technology\",\"state\":\"active\",\"foundedOn\":\"2015-03-20\","
            + "\"leaders\":[{\"studentNumber\":\"2023020001\",\"name\":\"王芳\",\"role\":\"president\"}],"
            + "\"memberStudentNumbers\":[],\"contact\":\"acmore@example.edu\"},\"origin\":\"imported\"}";

    record Club(String id, String name) {
    }

    record Snapshot(String payload) {
    }

    @Test
    void memoryBackend() throws Exception {
        run("memory", new MongoServer(new MemoryBackend()));
    }

    @Test
    void h2Backend() throws Exception {
        Path file = Files.createTempDirectory("bench-h2").resolve("bench.mv");
        run("h2 (file)", new MongoServer(new H2Backend(file.toString())));
    }

    private void run(String backend, MongoServer server) throws Exception {
        String kafka = EmbeddedBackbone.get().kafkaBootstrapServers();
        String uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            double kafkaRate = plainKafka(kafka);
            double mongoWrites = plainMongo(mongo);
            double limit = Math.min(kafkaRate, mongoWrites / WRITES_PER_EVENT);
            backbone(kafka, mongo, Math.min(EVENTS, 1_000), 0, null); // warm-up (JIT), not counted
            // flat out without and with tracing as the services have it, alternated twice in the same JVM, broker
            // and store, so neither side gets the warm-up or a quiet moment of the machine alone
            Result flatOut = backbone(kafka, mongo, EVENTS, 0, null);
            Result traced;
            Result flatOutAgain;
            Result tracedAgain;
            try (Tracing tracing = new Tracing()) {
                traced = backbone(kafka, mongo, EVENTS, 0, tracing);
                flatOutAgain = backbone(kafka, mongo, EVENTS, 0, null);
                tracedAgain = backbone(kafka, mongo, EVENTS, 0, tracing);
            }
            double untracedRate = (flatOut.rate + flatOutAgain.rate) / 2;
            double tracedRate = (traced.rate + tracedAgain.rate) / 2;
            Result steady = backbone(kafka, mongo, (int) Math.min(EVENTS, limit / 2 * 10), limit / 2, null);
            System.out.printf("%n== Backbone benchmark, Mongo-wire %s backend, %d events of ~%d bytes%n", backend,
                    EVENTS, PAYLOAD.length());
            System.out.printf("plain Kafka producer->consumer : %8.0f events/s%n", kafkaRate);
            System.out.printf("plain Mongo single-doc writes  : %8.0f writes/s  (/%d per event = %.0f events/s)%n",
                    mongoWrites, WRITES_PER_EVENT, mongoWrites / WRITES_PER_EVENT);
            System.out.printf("limit (lower of the two)       : %8.0f events/s%n", limit);
            System.out.printf("backbone, flat out             : %8.0f events/s  = %.0f%% of the limit; p50 %d ms, p99 %d ms%n",
                    flatOut.rate, 100 * flatOut.rate / limit, flatOut.p50, flatOut.p99);
            System.out.printf("backbone, flat out, again      : %8.0f events/s; p50 %d ms, p99 %d ms%n",
                    flatOutAgain.rate, flatOutAgain.p50, flatOutAgain.p99);
            System.out.printf("backbone, flat out, traced     : %8.0f and %.0f events/s; p50 %d/%d ms, p99 %d/%d ms%n",
                    traced.rate, tracedAgain.rate, traced.p50, tracedAgain.p50, traced.p99, tracedAgain.p99);
            System.out.printf("tracing overhead               : %8.0f%% of the untraced rate (%.0f traced against %.0f events/s,"
                    + " means of two runs each)%n", 100 * (1 - tracedRate / untracedRate), tracedRate, untracedRate);
            System.out.printf("backbone, steady %6.0f/s       : %8.0f events/s; p50 %d ms, p99 %d ms%n%n",
                    limit / 2, steady.rate, steady.p50, steady.p99);
        } finally {
            server.shutdownNow();
        }
    }

    record Result(double rate, long p50, long p99) {
    }

    /**
     * Tracing as the services run it locally (issue 21): Micrometer Tracing over the OpenTelemetry SDK,
     * every trace sampled, W3C propagation, trace ids in the MDC, spans ended into a batch processor
     * whose exporter drops them (no OTLP endpoint locally). The writer opens a span per write (as a
     * request would) and the store keeps its {@code traceparent} with the event; the consumer continues
     * the trace from the Kafka header with a span of its own around the apply.
     */
    static final class Tracing implements AutoCloseable {

        final io.opentelemetry.sdk.trace.SdkTracerProvider provider = io.opentelemetry.sdk.trace.SdkTracerProvider.builder()
                .setSampler(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOn())
                .addSpanProcessor(io.opentelemetry.sdk.trace.export.BatchSpanProcessor.builder(new DroppingExporter()).build())
                .build();
        final io.opentelemetry.context.propagation.ContextPropagators propagators =
                io.opentelemetry.context.propagation.ContextPropagators.create(
                        io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance());
        final io.opentelemetry.api.trace.Tracer otel = provider.get("bench");
        final io.micrometer.tracing.Tracer tracer = new io.micrometer.tracing.otel.bridge.OtelTracer(otel,
                new io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext(),
                new io.micrometer.tracing.otel.bridge.Slf4JEventListener()::onEvent);
        final io.micrometer.tracing.propagation.Propagator propagator =
                new io.micrometer.tracing.otel.bridge.OtelPropagator(propagators, otel);

        <T> T inSpan(String name, java.util.function.Supplier<T> work) {
            io.micrometer.tracing.Span span = tracer.nextSpan().name(name).start();
            try (io.micrometer.tracing.Tracer.SpanInScope scope = tracer.withSpan(span)) {
                return work.get();
            } finally {
                span.end();
            }
        }

        <T> T continued(Map<String, Object> headers, String name, java.util.function.Supplier<T> work) {
            io.micrometer.tracing.Span span = propagator.extract(headers, (carrier, key) -> carrier.get(key) instanceof byte[] b
                    ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : null).name(name).start();
            try (io.micrometer.tracing.Tracer.SpanInScope scope = tracer.withSpan(span)) {
                return work.get();
            } finally {
                span.end();
            }
        }

        @Override
        public void close() {
            provider.close();
        }
    }

    /** What an exporter with no endpoint does: nothing. */
    static final class DroppingExporter implements io.opentelemetry.sdk.trace.export.SpanExporter {
        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode export(java.util.Collection<io.opentelemetry.sdk.trace.data.SpanData> spans) {
            return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode flush() {
            return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
        }

        @Override
        public io.opentelemetry.sdk.common.CompletableResultCode shutdown() {
            return io.opentelemetry.sdk.common.CompletableResultCode.ofSuccess();
        }
    }

    private static String topic(String name) {
        String topic = "bench." + name + "." + UUID.randomUUID().toString().substring(0, 6);
        new FederationTopics(EmbeddedBackbone.get().kafkaBootstrapServers(), 6, (short) 1, Duration.ofSeconds(30))
                .ensure(Set.of(topic));
        return topic;
    }

    private static KafkaProducer<String, byte[]> producer(String kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String kafka, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        consumer.poll(Duration.ofMillis(500)); // join the group before the clock starts
        return consumer;
    }

    private double plainKafka(String kafka) {
        String topic = topic("kafka");
        try (KafkaProducer<String, byte[]> producer = producer(kafka);
             KafkaConsumer<String, byte[]> consumer = consumer(kafka, topic)) {
            long start = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                String key = "club-" + i;
                producer.send(new ProducerRecord<>(topic, key, PAYLOAD.formatted(key).getBytes()));
            }
            producer.flush();
            int received = 0;
            while (received < EVENTS) {
                received += consumer.poll(Duration.ofMillis(100)).count();
            }
            return EVENTS / seconds(start);
        }
    }

    private double plainMongo(MongoTemplate mongo) {
        String aggregates = "plain_" + UUID.randomUUID().toString().substring(0, 6);
        String readModel = aggregates + "_read";
        long start = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            String id = "club-" + i;
            Document pending = new Document("id", UUID.randomUUID().toString()).append("payload", PAYLOAD.formatted(id));
            mongo.insert(new Document("_id", id).append("name", "x").append("version", 1L)
                    .append("pendingEvents", List.of(pending)), aggregates);
            mongo.updateFirst(query(where("_id").is(id)), new Update().set("relayLease", new Document("owner", "me")), aggregates);
            mongo.updateFirst(query(where("_id").is(id)), new Update()
                    .pull("pendingEvents", new Document("id", pending.getString("id"))).unset("relayLease"), aggregates);
            // the cheapest form of each write: a filter on _id alone, which every store answers by index
            mongo.upsert(query(where("_id").is(id)), new Update().set("payload", PAYLOAD).set("sequence", 1L), readModel);
        }
        return EVENTS * (double) WRITES_PER_EVENT / seconds(start);
    }

    /**
     * Writes {@code count} aggregates through the outbox, at {@code rate}/s (0 = flat out), until all are
     * applied; traced as the services are if {@code tracing} is given.
     */
    private Result backbone(String kafka, MongoTemplate mongo, int count, double rate, Tracing tracing) throws Exception {
        String topic = topic("backbone");
        String collection = "clubs_" + UUID.randomUUID().toString().substring(0, 6);
        String readModel = collection + "_read";
        JsonMapper json = JsonMapper.builder().build();
        try (KafkaProducer<String, byte[]> producer = producer(kafka);
             KafkaConsumer<String, byte[]> consumer = consumer(kafka, topic)) {
            OutboxRelaySettings defaults = OutboxRelaySettings.defaults();
            OutboxRelay relay = new OutboxRelay(mongo, producer, List.of(new OutboxCollection(collection, topic)),
                    new OutboxRelaySettings(defaults.lease(),
                            Duration.ofMillis(Long.getLong("bench.sweepMs", defaults.sweepInterval().toMillis())),
                            defaults.sendTimeout(),
                            Integer.getInteger("bench.relayWorkers", defaults.workers())), Clock.systemUTC());
            AggregateStore store = tracing == null ? new AggregateStore(mongo, json, "/bench", relay, Clock.systemUTC())
                    : new AggregateStore(mongo, json, "/bench", relay, Clock.systemUTC(),
                    new org.federation.platform.observability.TraceParents(tracing.tracer, tracing.propagator),
                    AggregateStore.RecordedEvents.NONE);
            IdempotentWrites writes = new IdempotentWrites(mongo);
            List<Long> delays = Collections.synchronizedList(new ArrayList<>(count));
            AtomicBoolean done = new AtomicBoolean();
            Thread applier = new Thread(() -> {
                while (delays.size() < count && !done.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        Map<String, Object> headers = new HashMap<>();
                        record.headers().forEach(h -> headers.put(h.key(), h.value()));
                        EventEnvelope event = EventEnvelope.fromHeaders(headers, record.value());
                        java.util.function.Supplier<Boolean> apply = () -> writes.applyIfNewer(readModel, event.subject(),
                                event.sequence(), new Update().set("payload", event.payload()));
                        if (tracing == null ? apply.get() : tracing.continued(headers, "consume", apply)) {
                            delays.add(Duration.between(event.time(), Instant.now()).toMillis());
                        }
                    }
                }
            }, "bench-applier");
            relay.start();
            applier.start();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                if (rate > 0) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                }
                String id = "club-" + i;
                int n = i;
                Runnable write = () -> store.insert(collection, id, new Club(id, "club " + n),
                        List.of(new DomainEvent("org.federation.bench.v1", "bench", new Snapshot(PAYLOAD.formatted(id)))));
                if (tracing == null) {
                    write.run();
                } else {
                    tracing.inSpan("write", () -> {
                        write.run();
                        return null;
                    });
                }
            }
            applier.join(TimeUnit.MINUTES.toMillis(3));
            done.set(true);
            double elapsed = seconds(start);
            relay.stop();
            List<Long> sorted = new ArrayList<>(delays);
            Collections.sort(sorted);
            return new Result(sorted.size() / elapsed, percentile(sorted, 50), percentile(sorted, 99));
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
