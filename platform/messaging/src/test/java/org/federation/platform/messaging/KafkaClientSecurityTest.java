package org.federation.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.federation.platform.health.KafkaHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * On a cluster the relay's producer, the topic admin and the Kafka health check talk TLS and SASL,
 * configured only through {@code spring.kafka.*}, like the binder's clients. Before, they were built
 * from the bootstrap address alone and would have connected in plain text, unauthenticated.
 */
class KafkaClientSecurityTest {

    private static final String JAAS = "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"club-service\" password=\"secret\";";

    private final KafkaProperties kafka = bind(Map.of(
            "spring.kafka.bootstrap-servers", "kafka-0.kafka:9093,kafka-1.kafka:9093",
            "spring.kafka.security.protocol", "SASL_SSL",
            "spring.kafka.ssl.trust-store-location", "file:/etc/kafka/ca.p12",
            "spring.kafka.ssl.trust-store-password", "changeit",
            "spring.kafka.ssl.trust-store-type", "PKCS12",
            "spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512",
            "spring.kafka.properties.sasl.jaas.config", JAAS,
            // a setting meant for other producers must not weaken the relay's guarantees
            "spring.kafka.producer.acks", "1"));

    @Test
    void theRelayProducerTakesTlsAndSaslFromSpringKafkaAndKeepsItsGuarantees() {
        Map<String, Object> config = MessagingAutoConfiguration.relayProducerConfig(kafka, "club-service");

        assertThat(config).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", "changeit")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("client.id", "club-service-outbox-relay");
        assertThat(config.get("ssl.truststore.location").toString()).endsWith("/etc/kafka/ca.p12");
        assertThat(config.get("bootstrap.servers")).isEqualTo(java.util.List.of("kafka-0.kafka:9093", "kafka-1.kafka:9093"));
    }

    @Test
    void theTopicAdminAndHealthCheckTakeTlsAndSaslFromSpringKafka() {
        Map<String, Object> admin = MessagingAutoConfiguration.adminConfig(kafka);
        FederationTopics topics = new FederationTopics(admin, 6, (short) 3, 2, Duration.ofSeconds(1), null,
                Duration.ofDays(14), false);

        for (Map<String, Object> config : java.util.List.of(topics.adminConfig(), KafkaHealthIndicator.healthConfig(admin))) {
            assertThat(config).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", JAAS)
                    .containsEntry("ssl.truststore.password", "changeit");
        }
        assertThat(topics.configOf("club.events")).containsEntry("min.insync.replicas", "2")
                .containsEntry("retention.ms", "-1");
    }

    /** The configurations are ones the real clients accept (SASL over plain text: no trust store file needed here). */
    @Test
    void theRealClientsAreBuiltFromThatConfiguration() {
        KafkaProperties plainSasl = bind(Map.of(
                "spring.kafka.bootstrap-servers", "localhost:1",
                "spring.kafka.security.protocol", "SASL_PLAINTEXT",
                "spring.kafka.properties.sasl.mechanism", "PLAIN",
                "spring.kafka.properties.sasl.jaas.config", JAAS));
        try (var producer = new KafkaProducer<>(MessagingAutoConfiguration.relayProducerConfig(plainSasl, "club-service"),
                new StringSerializer(), new ByteArraySerializer());
             var admin = Admin.create(MessagingAutoConfiguration.adminConfig(plainSasl))) {
            assertThat(producer.metrics()).isNotEmpty();
            assertThat(admin.metrics()).isNotEmpty();
        }
        // and a wrong mechanism is refused by the client, so the settings really reach it
        KafkaProperties wrong = bind(Map.of("spring.kafka.bootstrap-servers", "localhost:1",
                "spring.kafka.security.protocol", "SASL_PLAINTEXT",
                "spring.kafka.properties.sasl.mechanism", "PLAIN"));
        assertThatThrownBy(() -> Admin.create(MessagingAutoConfiguration.adminConfig(wrong)).close())
                .hasStackTraceContaining("JAAS configuration");
    }

    @Test
    void minInsyncReplicasCannotExceedTheReplicationFactor() {
        assertThatThrownBy(() -> new MessagingProperties(6, (short) 1, null, null, null, null, null, null, null, 2, null))
                .hasMessageContaining("federation.messaging.min-insync-replicas");
        assertThat(new MessagingProperties(6, (short) 3, null, null, null, null, null, null, null, 2, null).topics().create())
                .isTrue();
    }

    private static KafkaProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bind("spring.kafka", KafkaProperties.class)
                .orElseGet(KafkaProperties::new);
    }
}
