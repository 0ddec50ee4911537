package org.federation.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.federation.platform.testing.EmbeddedBackbone;
import org.junit.jupiter.api.Test;

/**
 * A topic {@link FederationTopics#ensure} created can be written at once: every partition has a
 * leader the broker knows when {@code ensure} returns. Without the wait, a producer that sent right
 * away met NOT_LEADER_OR_FOLLOWER and its idempotent retries then stalled on out-of-order sequences.
 */
class TopicLeadersTest {

    private static final int PARTITIONS = 12;

    private final EmbeddedBackbone backbone = EmbeddedBackbone.get();

    /**
     * A start being cancelled (its thread interrupted) stops waiting for the broker at once; it used to
     * retry, every wait failing at once, until the broker wait ran out.
     */
    @Test
    void anInterruptedEnsureStopsInsteadOfRetryingUntilTheDeadline() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FederationTopics unreachable = new FederationTopics("127.0.0.1:" + closedPort, 6, (short) 1, Duration.ofMinutes(10));
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> unreachable.ensure(Set.of("test.interrupted")))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Interrupted while creating topics");
            assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void everyPartitionOfACreatedTopicHasALeaderWhenEnsureReturns() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Set<String> created = new TreeSet<>();
        for (int i = 0; i < 8; i++) {
            created.add("test.leaders." + suffix + "." + i);
        }

        new FederationTopics(backbone.kafkaBootstrapServers(), PARTITIONS, (short) 1, Duration.ofSeconds(30))
                .ensure(created);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                backbone.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> described = admin.describeTopics(created).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            assertThat(described).containsOnlyKeys(created);
            described.values().forEach(topic -> {
                assertThat(topic.partitions()).as(topic.name()).hasSize(PARTITIONS);
                topic.partitions().forEach(partition -> assertThat(partition.leader())
                        .as(topic.name() + "-" + partition.partition()).isNotNull()
                        .matches(leader -> !leader.isEmpty(), "a known broker"));
            });
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, backbone.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (String topic : created) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    sends.add(producer.send(new ProducerRecord<>(topic, partition, "k", "v")));
                }
            }
            for (Future<RecordMetadata> send : sends) {
                assertThat(send.get(15, TimeUnit.SECONDS).offset()).isZero();
            }
        }
    }
}
