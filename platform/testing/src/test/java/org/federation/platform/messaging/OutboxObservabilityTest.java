package org.federation.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.Producer;
import org.bson.Document;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.observability.MicrometerRelayMetrics;
import org.federation.platform.observability.OutboxMetrics;
import org.federation.platform.observability.RecordedEventCounters;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.Scrape;
import org.federation.platform.testing.TestClock;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the outbox tells operators, scraped as Prometheus would: the backlog gauges rise with a
 * written event and fall once the relay had it acknowledged; the relay counts and times its sends;
 * and the trace of the cause travels with the event through the outbox to its Kafka header.
 */
class OutboxObservabilityTest {

    record Counter(String id, int value) {
    }

    private static final EmbeddedBackbone backbone = EmbeddedBackbone.get();
    private static MongoClient client;
    private static MongoTemplate mongo;
    private static Producer<String, byte[]> producer;
    private static final JsonMapper json = JsonMapper.builder().build();

    private final String collection = "observed_" + UUID.randomUUID().toString().substring(0, 8);
    private final String topic = "test.observed." + collection.substring(9);
    private final TestClock clock = new TestClock();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @BeforeAll
    static void connect() {
        client = MongoClients.create(backbone.mongoUri("outbox-observed"));
        mongo = new MongoTemplate(client, "outbox-observed");
        producer = backbone.relayProducer();
    }

    @AfterAll
    static void disconnect() {
        producer.close();
        client.close();
    }

    private Scrape scrape() {
        return new Scrape(registry.scrape());
    }

    @Test
    void aWrittenEventRaisesThePendingGaugesUntilTheRelaySendsItAndTheRelayCountsTheSend() {
        new FederationTopics(backbone.kafkaBootstrapServers(), 6, (short) 1, Duration.ofSeconds(30)).ensure(Set.of(topic));
        OutboxRelay relay = new OutboxRelay(mongo, producer, List.of(new OutboxCollection(collection, topic)),
                OutboxRelaySettings.defaults(), clock);
        relay.setMetrics(new MicrometerRelayMetrics(registry));
        new OutboxMetrics(mongo, clock, Duration.ZERO).bindTo(registry, relay.collections());
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        AggregateStore store = new AggregateStore(mongo, json, "/test-service", relay, clock, () -> traceparent,
                new RecordedEventCounters(registry));
        String label = "collection=\"" + collection + "\"";
        assertThat(scrape().sum("federation_outbox_pending", label)).isZero();
        assertThat(scrape().sum("federation_outbox_oldest_age_seconds", label)).isZero();

        // the relay is not started: the event waits in the outbox
        store.insert(collection, "c1", new Counter("c1", 1),
                List.of(new DomainEvent("org.federation.test.counted.v1", "tester", new Counter("c1", 1))));
        clock.advance(Duration.ofSeconds(90));
        assertThat(scrape().sum("federation_outbox_pending", label)).isEqualTo(1);
        assertThat(scrape().sum("federation_outbox_oldest_age_seconds", label)).isEqualTo(90);
        assertThat(scrape().sum("federation_events_recorded_total", "type=\"org.federation.test.counted.v1\"")).isEqualTo(1);
        assertThat(mongo.findById("c1", Document.class, collection).getList("pendingEvents", Document.class).get(0)
                .getString("traceparent")).as("kept with the event in the outbox").isEqualTo(traceparent);

        assertThat(relay.sweep()).isEqualTo(1);

        Scrape after = scrape();
        assertThat(after.sum("federation_outbox_pending", label)).isZero();
        assertThat(after.sum("federation_outbox_oldest_age_seconds", label)).isZero();
        String onTopic = "topic=\"" + topic + "\"";
        assertThat(after.sum("federation_outbox_relay_sent_total", onTopic)).isEqualTo(1);
        assertThat(after.sum("federation_outbox_relay_latency_seconds_count", onTopic)).isEqualTo(1);
        assertThat(after.sum("federation_outbox_relay_failures_total", onTopic)).isZero();
        assertThat(after.sum("federation_outbox_sweeps_total")).isEqualTo(1);
        assertThat(after.sum("federation_outbox_sweep_repairs_total")).as("the sweep sent what was left").isEqualTo(1);
        try (TopicProbe probe = new TopicProbe(backbone.kafkaBootstrapServers(), topic)) {
            assertThat(probe.await(s -> "c1".equals(s.key()), Duration.ofSeconds(20)).get(0).headers())
                    .containsEntry("traceparent", traceparent);
        }
    }

    /**
     * The auto-configuration binds the gauges and keeps no other reference to the metrics object.
     * Micrometer holds a gauge's object weakly unless told otherwise, so after a garbage collection
     * the backlog read NaN (the fault suite found club-service's outbox gauges all NaN): an alert on
     * the backlog would have gone blind. The gauges must keep their object.
     */
    @Test
    void theBacklogGaugesKeepReadingAfterTheirMetricsObjectIsNoLongerReferencedElsewhere() {
        OutboxMetrics metrics = new OutboxMetrics(mongo, clock, Duration.ZERO);
        metrics.bindTo(registry, List.of(new OutboxCollection(collection, topic)));
        java.lang.ref.WeakReference<OutboxMetrics> onlyWeakly = new java.lang.ref.WeakReference<>(metrics);
        metrics = null;
        for (int i = 0; i < 20 && onlyWeakly.get() != null; i++) {
            System.gc();
        }
        assertThat(registry.get("federation.outbox.pending").tag("collection", collection).gauge().value())
                .as("not NaN").isZero();
        assertThat(registry.get("federation.outbox.oldest.age").tag("collection", collection).gauge().value())
                .as("not NaN").isZero();
    }

    @Test
    void anEventStoredBeforeTracesWereKeptLoadsAndIsSentWithoutATraceHeader() {
        Document old = PendingEventCodec.toDocument(new EventEnvelope("e-old", "org.federation.test.counted.v1",
                "/test-service", "c9", Instant.parse("2026-01-01T00:00:00Z"), "system", 1, "{}"));
        assertThat(old).doesNotContainKey("traceparent");
        EventEnvelope loaded = PendingEventCodec.fromDocument(old);
        assertThat(loaded.traceparent()).isNull();
        assertThat(loaded.toRecord("t").headers().lastHeader("traceparent")).isNull();
        EventEnvelope traced = new EventEnvelope("e-new", "org.federation.test.counted.v1", "/test-service", "c9",
                Instant.parse("2026-01-01T00:00:00Z"), "system", 2, "{}", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(PendingEventCodec.fromDocument(PendingEventCodec.toDocument(traced))).isEqualTo(traced);
        assertThat(EventEnvelope.fromHeaders(Map.of("ce_id", "e-new", "ce_type", traced.type(), "ce_source", traced.source(),
                "ce_subject", "c9", "ce_time", traced.time().toString(), "ce_sequence", "2",
                "traceparent", traced.traceparent()), "{}".getBytes()).traceparent()).isEqualTo(traced.traceparent());
    }
}
