package org.federation.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.federation.platform.testing.EmbeddedBackbone;
import org.junit.jupiter.api.Test;

/**
 * Owner topics keep their whole history ({@code retention.ms=-1}), dead letters a bounded
 * retention, whether this service creates the topic or finds it created with the broker's
 * defaults (7 days), as every topic was before.
 */
class TopicRetentionTest {

    private final EmbeddedBackbone backbone = EmbeddedBackbone.get();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void createdOwnerTopicsKeepEverythingAndDeadLettersFourteenDays() throws Exception {
        String owned = "test.owned." + suffix;
        String consumed = "test.consumed." + suffix;
        Set<String> needed = FederationTopics.needed(Set.of(owned), Set.of(consumed), "test-group");

        topics(null).ensure(needed, Set.of(owned, FederationTopics.deadLetterTopic(consumed, "test-group")));

        awaitConfig(owned, "retention.ms", "-1", "retention.ms");
        awaitConfig(consumed, "retention.ms", "-1", "an owner topic created by a consumer");
        awaitConfig(owned, "cleanup.policy", "delete", "cleanup.policy");
        awaitConfig(FederationTopics.deadLetterTopic(consumed, "test-group"), "retention.ms",
                Long.toString(Duration.ofDays(14).toMillis()), "retention.ms");
    }

    @Test
    void anOwnerTopicCreatedWithTheBrokersDefaultsIsCorrectedAtStart() throws Exception {
        String owned = "test.legacy." + suffix;
        String dlq = FederationTopics.deadLetterTopic("test.other." + suffix, "test-group");
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(owned, 6, (short) 1),
                    new NewTopic(dlq, 6, (short) 1).configs(Map.of("retention.ms", "-1"))))
                    .all().get(30, TimeUnit.SECONDS);
        }
        awaitConfig(owned, "retention.ms", Long.toString(Duration.ofDays(7).toMillis()), "the broker's default");

        topics(null).ensure(Set.of(owned, dlq), Set.of(owned, dlq));

        awaitConfig(owned, "retention.ms", "-1", "retention.ms");
        awaitConfig(owned, "cleanup.policy", "delete", "cleanup.policy");
        awaitConfig(dlq, "retention.ms", Long.toString(Duration.ofDays(14).toMillis()), "retention.ms");
    }

    @Test
    void retentionIsConfigurablePerEnvironment() throws Exception {
        String owned = "test.configured." + suffix;
        String retry = owned + ".test-group.retry";
        FederationTopics topics = new FederationTopics(backbone.kafkaBootstrapServers(), 6, (short) 1,
                Duration.ofSeconds(30), Duration.ofDays(400), Duration.ofDays(3));

        topics.ensure(Set.of(owned, retry), Set.of(owned, retry));

        awaitConfig(owned, "retention.ms", Long.toString(Duration.ofDays(400).toMillis()), "retention.ms");
        awaitConfig(retry, "retention.ms", Long.toString(Duration.ofDays(3).toMillis()), "retention.ms");
    }

    @Test
    void anotherServicesTopicIsNotAltered() throws Exception {
        String others = "test.others." + suffix;
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(others, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }

        topics(null).ensure(Set.of(others), Set.of());

        awaitConfig(others, "retention.ms", Long.toString(Duration.ofDays(7).toMillis()), "its owner sets it");
    }

    @Test
    void minInsyncReplicasIsSetOnCreatedTopics() throws Exception {
        String owned = "test.insync." + suffix;
        new FederationTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, backbone.kafkaBootstrapServers()), 6,
                (short) 1, 1, Duration.ofSeconds(30), null, Duration.ofDays(14), true).ensure(Set.of(owned), Set.of(owned));

        assertThat(config(owned).get("min.insync.replicas").value()).isEqualTo("1");
        assertThat(config(owned).get("min.insync.replicas").source())
                .isEqualTo(org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }

    /** Production (federation.messaging.topics.create=false): the cluster owns the topics; a missing one stops the start. */
    @Test
    void withoutCreationAMissingTopicStopsTheStartNamingIt() throws Exception {
        String present = "test.present." + suffix;
        String missing = "test.missing." + suffix + ".test-group.dlq";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(present, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        FederationTopics verifyOnly = new FederationTopics(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, backbone.kafkaBootstrapServers()), 6, (short) 1, null,
                Duration.ofSeconds(30), null, Duration.ofDays(14), false);

        verifyOnly.ensure(Set.of(present), Set.of(present));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifyOnly.ensure(Set.of(present, missing), Set.of(present)))
                .isInstanceOf(FederationTopics.MissingTopicsException.class)
                .hasMessageContaining("[" + missing + "]").hasMessageContaining("federation.messaging.topics.create");
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(missing);
        }
        awaitConfig(present, "retention.ms", Long.toString(Duration.ofDays(7).toMillis()),
                "not altered: the operators own it");
    }

    private FederationTopics topics(Duration ownerRetention) {
        return new FederationTopics(backbone.kafkaBootstrapServers(), 6, (short) 1, Duration.ofSeconds(30),
                ownerRetention, Duration.ofDays(14));
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, backbone.kafkaBootstrapServers()));
    }

    /**
     * The topic's setting reaches {@code expected}: a change the controller has accepted reaches the
     * broker's view of the topic a moment later (under load, after the first read), so the outcome is
     * awaited, never read once right after the change.
     */
    private void awaitConfig(String topic, String key, String expected, String as) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = admin()) {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(admin.describeConfigs(List.of(resource)).all().get(5, TimeUnit.SECONDS)
                            .get(resource).get(key).value()).as(topic + " " + as).isEqualTo(expected));
        }
    }

    /** A topic just created may not be known to the broker's metadata yet: asked again until it is. */
    private Config config(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = admin()) {
            return Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> admin.describeConfigs(List.of(resource)).all().get(5, TimeUnit.SECONDS).get(resource),
                            c -> c != null);
        }
    }
}
