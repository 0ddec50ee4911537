package org.federation.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service publishes to and consumes from, and the dead-letter topic of each
 * consumed topic for the service's consumer group ({@code <topic>.<group>.dlq}), all with the
 * same partition count. Topics are never left to auto-creation, which would give them the
 * broker's defaults.
 *
 * <p>Retention is never the broker's default (7 days): an owner topic ({@code club.events}, …)
 * is the history every read model is rebuilt from, so it keeps every record
 * ({@code retention.ms=-1} unless configured otherwise); a dead-letter or retry topic is a work
 * queue and keeps a bounded retention. Both are set when a topic is created, whoever creates it,
 * and set again at every start on the topics this service owns (the ones it publishes to and its
 * own dead-letter topics), so a topic created earlier with the broker's defaults is corrected.
 */
public class FederationTopics {

    private static final Logger log = LoggerFactory.getLogger(FederationTopics.class);

    private final Map<String, Object> adminConfig;
    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;
    private final Integer minInsyncReplicas;
    private final Duration brokerWait;
    private final Duration ownerRetention;
    private final Duration deadLetterRetention;
    private final boolean create;

    /** Owner topics kept forever, dead letters 14 days. */
    public FederationTopics(String bootstrapServers, int partitions, short replicationFactor, Duration brokerWait) {
        this(bootstrapServers, partitions, replicationFactor, brokerWait, null, Duration.ofDays(14));
    }

    /**
     * @param ownerRetention      how long owner topics keep records; null or negative = forever
     * @param deadLetterRetention how long dead-letter and retry topics keep records (must be positive)
     */
    public FederationTopics(String bootstrapServers, int partitions, short replicationFactor, Duration brokerWait,
                            Duration ownerRetention, Duration deadLetterRetention) {
        this(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), partitions, replicationFactor, null,
                brokerWait, ownerRetention, deadLetterRetention, true);
    }

    /**
     * @param adminConfig         the admin client's configuration: bootstrap servers and, on a cluster, the
     *                            security settings (built from {@code spring.kafka.*}, so TLS and SASL apply)
     * @param minInsyncReplicas   {@code min.insync.replicas} of created topics; null = the broker's default
     * @param create              true: create missing topics and set retention on owned ones (local platform,
     *                            tests); false: only verify they exist and stop the start naming the missing
     *                            ones (production, where the operators' {@code KafkaTopic} resources own them)
     */
    public FederationTopics(Map<String, Object> adminConfig, int partitions, short replicationFactor,
                            Integer minInsyncReplicas, Duration brokerWait, Duration ownerRetention,
                            Duration deadLetterRetention, boolean create) {
        if (deadLetterRetention == null || deadLetterRetention.isNegative() || deadLetterRetention.isZero()) {
            throw new IllegalArgumentException("federation.messaging.dead-letter-retention must be a positive duration, not "
                    + deadLetterRetention);
        }
        Map<String, Object> config = new java.util.HashMap<>(adminConfig);
        // bounded waits: a start-up that cannot reach the broker retries (brokerWait), never hangs
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.adminConfig = Map.copyOf(config);
        this.bootstrapServers = bootstrapOf(adminConfig);
        this.minInsyncReplicas = minInsyncReplicas;
        this.create = create;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.brokerWait = brokerWait;
        this.ownerRetention = ownerRetention;
        this.deadLetterRetention = deadLetterRetention;
    }

    /** The bootstrap servers of a client configuration, for messages ({@code spring.kafka} gives a list). */
    public static String bootstrapOf(Map<String, Object> clientConfig) {
        Object servers = clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        return servers instanceof java.util.Collection<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(servers);
    }

    /** A dead-letter ({@code .dlq}) or retry ({@code .retry}) topic: a work queue, not history. */
    public static boolean isDeadLetterOrRetry(String topic) {
        return topic.endsWith(".dlq") || topic.endsWith(".retry");
    }

    /** The {@code retention.ms} a topic gets: -1 (forever) for owner topics unless configured, bounded for dead letters. */
    public String retentionMs(String topic) {
        if (isDeadLetterOrRetry(topic)) {
            return Long.toString(deadLetterRetention.toMillis());
        }
        return ownerRetention == null || ownerRetention.isNegative() ? "-1" : Long.toString(ownerRetention.toMillis());
    }

    /** The admin client's configuration (bootstrap, security, timeouts). */
    public Map<String, Object> adminConfig() {
        return adminConfig;
    }

    /** The configuration a topic is created with: retention, clean-up policy and, when set, {@code min.insync.replicas}. */
    public Map<String, String> configOf(String topic) {
        Map<String, String> config = new java.util.TreeMap<>();
        config.put(TopicConfig.RETENTION_MS_CONFIG, retentionMs(topic));
        config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        if (minInsyncReplicas != null) {
            config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
        }
        return config;
    }

    /** The dead-letter topic of {@code topic} for consumer group {@code group}. */
    public static String deadLetterTopic(String topic, String group) {
        return topic + "." + group + ".dlq";
    }

    /** Every topic a service needs: what it publishes, what it consumes, and its dead-letter topics. */
    public static Set<String> needed(Set<String> published, Set<String> consumed, String group) {
        Set<String> topics = new TreeSet<>(published);
        topics.addAll(consumed);
        consumed.forEach(topic -> topics.add(deadLetterTopic(topic, group)));
        return topics;
    }

    /** Creates whichever of {@code topics} do not exist yet (see {@link #ensure(Set, Set)}), owning none. */
    public void ensure(Set<String> topics) {
        ensure(topics, Set.of());
    }

    /**
     * Creates whichever of {@code topics} do not exist yet, with their retention, waiting for the
     * broker if it is still starting; then sets the retention of the existing topics among
     * {@code owned} (the service's published and dead-letter topics), which another service, an
     * earlier version or the broker's auto-creation may have created with the broker's defaults.
     */
    public void ensure(Set<String> topics, Set<String> owned) {
        long deadline = System.nanoTime() + brokerWait.toNanos();
        while (true) {
            Admin admin = null;
            try {
                admin = Admin.create(adminConfig);
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                if (!create) {
                    verify(topics, existing);
                    return;
                }
                List<NewTopic> missing = new ArrayList<>();
                for (String topic : topics) {
                    if (!existing.contains(topic)) {
                        missing.add(new NewTopic(topic, partitions, replicationFactor).configs(configOf(topic)));
                    }
                }
                if (!missing.isEmpty()) {
                    createAll(admin, missing);
                    awaitLeaders(admin, missing.stream().map(NewTopic::name).toList(), deadline);
                    log.info("Created topics {} with {} partitions on {}", missing.stream().map(NewTopic::name).toList(),
                            partitions, bootstrapServers);
                }
                setRetention(admin, owned.stream().filter(existing::contains).toList());
                return;
            } catch (MissingTopicsException e) {
                throw e;
            } catch (InterruptedException | org.apache.kafka.common.errors.InterruptException e) {
                // the start is being cancelled: stop, rather than retry (every wait would fail at once) until the deadline
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topics " + topics + " on Kafka at "
                        + bootstrapServers, e);
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not create topics " + topics + " on Kafka at "
                            + bootstrapServers + " within " + brokerWait + ": " + e.getMessage(), e);
                }
                log.info("Kafka at {} not ready for topic creation yet ({}); retrying", bootstrapServers, e.getMessage());
                pause();
            } finally {
                if (admin != null) {
                    // bounded: an unfinished call (broker unreachable, start interrupted) is not waited for until its timeout
                    admin.close(Duration.ofSeconds(1));
                }
            }
        }
    }

    /**
     * Production: the topics are the operators' (Strimzi {@code KafkaTopic}); a service that finds one
     * missing stops rather than run without its dead-letter topic or publish into the void.
     */
    private void verify(Set<String> topics, Set<String> existing) {
        Set<String> missing = new TreeSet<>(topics);
        missing.removeAll(existing);
        if (!missing.isEmpty()) {
            throw new MissingTopicsException("Topics missing on Kafka at " + bootstrapServers + ": " + missing
                    + ". With federation.messaging.topics.create=false the services only verify their topics;"
                    + " create them (infra/k8s KafkaTopic resources) or set federation.messaging.topics.create=true");
        }
        log.info("Verified topics {} exist on {}", topics, bootstrapServers);
    }

    /** A topic the service needs does not exist and the service may not create it. */
    public static class MissingTopicsException extends IllegalStateException {
        MissingTopicsException(String message) {
            super(message);
        }
    }

    /** Sets retention and clean-up policy on existing topics (idempotent: the same values at every start). */
    private void setRetention(Admin admin, List<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return;
        }
        Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new java.util.HashMap<>();
        for (String topic : topics) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), configOf(topic).entrySet().stream()
                    .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                    .toList());
        }
        admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        log.info("Retention of {}: owner topics retention.ms={}, dead letters retention.ms={}", topics,
                ownerRetention == null || ownerRetention.isNegative() ? "-1" : ownerRetention.toMillis(),
                deadLetterRetention.toMillis());
    }

    /**
     * Waits until every partition of the just-created topics has a leader the broker knows. The
     * controller acknowledges a creation before the brokers have applied it; a producer that sends
     * at once can meet NOT_LEADER_OR_FOLLOWER, and an idempotent one may then keep retrying
     * out-of-order sequences for its whole delivery timeout.
     */
    private void awaitLeaders(Admin admin, List<String> created, long deadline) throws Exception {
        while (true) {
            List<String> leaderless = leaderless(admin, created);
            if (leaderless.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + leaderless + " created on Kafka at " + bootstrapServers
                        + " still have partitions without a leader after " + brokerWait);
            }
            Thread.sleep(50); // the broker applies the controller's records within milliseconds; interrupted, ensure stops
        }
    }

    /** The topics among {@code topics} that the broker does not know yet or that have a partition without a leader. */
    private List<String> leaderless(Admin admin, List<String> topics) throws Exception {
        List<String> leaderless = new ArrayList<>();
        for (var entry : admin.describeTopics(topics).topicNameValues().entrySet()) {
            try {
                var description = entry.getValue().get(10, TimeUnit.SECONDS);
                boolean led = !description.partitions().isEmpty() && description.partitions().stream()
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (!led) {
                    leaderless.add(entry.getKey());
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
                leaderless.add(entry.getKey());
            }
        }
        return leaderless;
    }

    private static void createAll(Admin admin, List<NewTopic> missing) throws Exception {
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // another instance created it between our list and our create: that is what we wanted
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
    }

    /** Waits before asking the broker again; interrupted, it keeps the flag, so the next call to the broker stops {@link #ensure}. */
    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
