package org.federation.club.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.Scrape;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalManagementPort;

import io.micrometer.core.instrument.push.PushMeterRegistry;

/**
 * What an operator sees of club-service: Actuator on its management port (metrics, detailed
 * health, operator commands), only status-only health on the public port, and the trace of a
 * request carried by the events it caused.
 */
@ClubServiceTest
class OperatorsSeeClubServiceTest extends EmbeddedBackboneProperties {

    @LocalManagementPort
    int managementPort;

    @Autowired
    ApplicationContext context;

    HttpProbe management() {
        return HttpProbe.onPort(managementPort);
    }

    @Test
    void thePublicPortAnswersHealthWithItsStatusOnlyAndServesNoMetrics() {
        assertThat(managementPort).isNotEqualTo(port);
        HttpProbe.Response health = app().get("/actuator/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("no components on the public port").isFalse();
        assertThat(app().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(app().get("/readyz").status()).isEqualTo(200);
        assertThat(app().get("/livez").status()).isEqualTo(200);
        assertThat(app().get("/actuator/prometheus").status()).as("metrics are for the management port").isIn(401, 404);
        assertThat(Persona.PRESIDIUM.on(app()).get("/actuator/prometheus").status()).isEqualTo(404);
    }

    @Test
    void metricsAreScrapedAndNothingPushesThemToACollectorNobodyConfigured() {
        // the OpenTelemetry starter brings an OTLP metrics registry that pushes to localhost:4318 every
        // minute and logs a stack trace each time nothing answers there (seen on the local platform)
        assertThat(context.getBeansOfType(PushMeterRegistry.class))
                .as("metrics leave through /actuator/prometheus only, unless an operator enables OTLP export")
                .isEmpty();
    }

    @Test
    void aConsumedEventIsObservedOnceByItsListenerNotAgainByTheFunctionItCalls() {
        io.micrometer.observation.ObservationRegistry observations = context.getBean(io.micrometer.observation.ObservationRegistry.class);
        assertThat(io.micrometer.observation.Observation.start("spring.kafka.listener", observations).isNoop())
                .as("the listener's span continues the event's trace").isFalse();
        assertThat(io.micrometer.observation.Observation.start("spring.cloud.function", observations).isNoop())
                .as("the function's own observation inside it is off").isTrue();
    }

    @Test
    void theManagementPortShowsDetailedHealthAndProbeGroups() {
        HttpProbe.Response health = management().get("/actuator/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(health.json().at("/components/kafka/status").asString()).isEqualTo("UP");
        HttpProbe.Response readiness = management().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components").propertyNames())
                .as("ready = the store answers; Kafka away does not take the instance out of service")
                .contains("mongo").doesNotContain("kafka");
        HttpProbe.Response liveness = management().get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("components").has("mongo")).isFalse();
        assertThat(liveness.json().path("components").has("kafka")).isFalse();
    }

    @Test
    void prometheusOnTheManagementPortHasThePlatformsMetricsWithoutAToken() {
        String club = ClubLifecycleTest.newClub(app(), "度量社");
        Scrape scrape = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Scrape.of(management()),
                s -> s.sum("federation_outbox_relay_sent_total", "topic=\"club.events\"") > 0);
        assertThat(club).isNotBlank();
        assertThat(scrape.names()).contains(
                "http_server_requests_seconds_count",
                "federation_outbox_pending",
                "federation_outbox_oldest_age_seconds",
                "federation_outbox_relay_sent_total",
                "federation_outbox_relay_failures_total",
                "federation_outbox_relay_latency_seconds_count",
                "federation_outbox_sweeps_total",
                "federation_outbox_sweep_repairs_total",
                "federation_consumer_dead_letters",
                "federation_consumer_dead_lettered_total",
                "federation_events_recorded_total",
                // consumer lag per group and topic (the binder); per partition, Kafka's client metric
                // kafka_consumer_fetch_manager_records_lag appears once Micrometer picks it up (within a minute)
                "spring_cloud_stream_binder_kafka_offset");
        assertThat(scrape.sum("federation_events_recorded_total", "type=\"org.federation.club.established.v1\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("federation_consumer_dead_lettered_total", "topic=\"activity.events.club-service.dlq\""))
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void aPoisonRecordRaisesTheDeadLetteredCounterOfItsDeadLetterTopic() {
        String dlq = "topic=\"activity.events.club-service.dlq\"";
        double before = Scrape.of(management()).sum("federation_consumer_dead_lettered_total", dlq);
        java.util.Map<String, Object> config = java.util.Map.of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBackbone.get().kafkaBootstrapServers());
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(config,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            // no CloudEvents headers, not JSON: poison, dead-lettered at once
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("activity.events",
                    "poison-" + UUID.randomUUID(), "not an event")).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Scrape.of(management())
                .sum("federation_consumer_dead_lettered_total", dlq), after -> after == before + 1);
    }

    @Test
    void theDeadLetterCommandStaysForThePresidiumOnTheManagementPort() {
        assertThat(management().get("/actuator/deadletters").status()).isEqualTo(401);
        assertThat(Persona.ORGANIZATION_HEAD.on(management()).get("/actuator/deadletters").status()).isEqualTo(403);
        assertThat(Persona.PRESIDIUM.on(management()).get("/actuator/deadletters").status()).isEqualTo(200);
    }

    @Test
    void theEventsARequestCausesCarryItsTraceToKafka() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-" + "a1b2c3d4e5f60718" + "-01";
        try (TopicProbe clubEvents = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            HttpProbe.Response created = Persona.ORGANIZATION_MEMBER.on(app()).with("traceparent", traceparent)
                    .postJson("/api/clubs", """
                            {"name":"追踪社 %s","category":"sports","foundedOn":"2015-09-01","leaderName":"李雷",
                             "leaderStudentNumber":"%s","contact":"club@example.edu","memberStudentNumbers":["%s"]}"""
                            .formatted(UUID.randomUUID().toString().substring(0, 8), Persona.LEADER.subject(),
                                    Persona.MEMBER.subject()));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String club = created.json().get("id").asString();
            TopicProbe.Seen established = clubEvents.await(s -> club.equals(s.key()), Duration.ofSeconds(20)).get(0);
            assertThat(established.headers().get("traceparent")).as("the request's trace, a span of this service")
                    .startsWith("00-" + traceId + "-").doesNotContain("a1b2c3d4e5f60718");
        }
    }
}
