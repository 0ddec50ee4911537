package org.federation.platform.testing;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real Kafka (KRaft) and a real MongoDB (a one-node replica set) in containers, started once per
 * test JVM on first use. Only tests annotated {@code @Testcontainers(disabledWithoutDocker = true)}
 * touch it, so where there is no Docker engine nothing starts and those tests are skipped.
 */
public final class ContainerBackbone {

    private static ContainerBackbone instance;

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2")
            .withEnv("KAFKA_NUM_PARTITIONS", "6")
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    private ContainerBackbone() {
        kafka.start();
        mongo.start();
    }

    public static synchronized ContainerBackbone get() {
        if (instance == null) {
            instance = new ContainerBackbone();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    public String mongoUri(String database) {
        return mongo.getReplicaSetUrl(database);
    }

    /** Points a Spring Boot app under test at the containers, with its own database. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", () -> get().kafkaBootstrapServers());
        registry.add("spring.mongodb.uri", () -> get().mongoUri(database));
        registry.add("federation.security.issuer", () -> TestTokens.issuer().issuer());
        registry.add("management.server.port", () -> 0);
    }
}
