package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What operators see across the four services: one trace follows a founded club from the request
 * at club-service through Kafka to finance's account and notification's notices, the consumers log
 * it; and every metric the alert rules and the dashboard in {@code infra/observability/} name is in
 * the services' scrapes.
 */
class OperatorsAcrossServicesTest extends AcrossServices {

    static HttpProbe club;

    @BeforeAll
    static void startPlatform() throws Exception {
        startPlatform("ops-");
        club = signIn("organization-member", HttpProbe.onPort(apps.port("club-service")));
    }

    @Test
    void oneTraceFollowsAClubFromTheRequestThroughFinanceAndNotificationAndTheirConsumersLogIt() throws Exception {
        ch.qos.logback.classic.Logger consumerLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("org.federation.platform.messaging.consumer.EventLogContext");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        consumerLog.addAppender(lines);
        ch.qos.logback.classic.Level before = consumerLog.getLevel();
        consumerLog.setLevel(ch.qos.logback.classic.Level.DEBUG);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (TopicProbe caused = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events",
                "finance.events", "notification.events")) {
            HttpProbe.Response created = club.with("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .postJson("/api/clubs", """
                            {"name":"追踪协会 %s","category":"sports","foundedOn":"2016-03-20","leaderName":"王芳",
                             "leaderStudentNumber":"2023020001","contact":"trace@example.edu"}"""
                            .formatted(UUID.randomUUID().toString().substring(0, 6)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            java.util.function.Predicate<TopicProbe.Seen> traced = s -> s.headers().getOrDefault("traceparent", "")
                    .startsWith("00-" + traceId + "-");
            caused.await(s -> traced.test(s) && s.topic().equals("finance.events")
                    && "org.federation.finance.account-opened.v1".equals(s.type()), Duration.ofSeconds(60));
            caused.await(s -> traced.test(s) && s.topic().equals("notification.events"), Duration.ofSeconds(60));
            List<TopicProbe.Seen> seen = caused.drain(Duration.ofMillis(500));
            seen.stream().filter(traced).forEach(s -> System.out.println("trace " + traceId + ": " + s.topic() + " "
                    + s.type() + " key " + s.key() + " traceparent " + s.headers().get("traceparent")));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> List.copyOf(lines.list).stream()
                    .filter(e -> traceId.equals(e.getMDCPropertyMap().get("traceId")))
                    .map(e -> e.getMDCPropertyMap().get("serviceName")).collect(java.util.stream.Collectors.toSet()),
                    services -> services.containsAll(Set.of("finance-service", "notification-service")));
            List.copyOf(lines.list).stream().filter(e -> traceId.equals(e.getMDCPropertyMap().get("traceId")))
                    .forEach(e -> System.out.println("trace " + traceId + " log: " + e.getMDCPropertyMap() + " "
                            + e.getFormattedMessage()));
        } finally {
            consumerLog.setLevel(before);
            consumerLog.detachAppender(lines);
        }
    }

    @Test
    void everyMetricTheAlertRulesAndTheDashboardNameIsScrapedFromTheServices() throws Exception {
        OperatorsAcrossServices.assertEveryNamedMetricIsScraped(FederationApps.SERVICES.stream()
                .map(s -> apps.managementPort(s.name())).toList());
    }

    @Test
    void eachServicesManagementPortServesThePlatformsMetricsAndStatusOnlyHealthStaysPublic() {
        for (FederationApps.Service service : FederationApps.SERVICES) {
            HttpProbe management = HttpProbe.onPort(apps.managementPort(service.name()));
            HttpProbe.Response publicHealth = HttpProbe.onPort(apps.port(service.name())).get("/actuator/health");
            assertThat(publicHealth.status()).as(service.name()).isEqualTo(200);
            assertThat(publicHealth.json().has("components")).as(service.name()).isFalse();
            assertThat(org.federation.platform.testing.Scrape.of(management).names()).as(service.name()).contains(
                    "federation_outbox_pending", "federation_outbox_oldest_age_seconds",
                    "federation_outbox_relay_sent_total", "federation_outbox_relay_failures_total",
                    "federation_outbox_relay_latency_seconds_count", "federation_outbox_sweeps_total",
                    "federation_outbox_sweep_repairs_total", "federation_consumer_dead_letters",
                    "federation_consumer_dead_lettered_total", "spring_cloud_stream_binder_kafka_offset",
                    "http_server_requests_seconds_count");
            assertThat(management.get("/actuator/health/readiness").status()).as(service.name()).isEqualTo(200);
        }
    }
}
