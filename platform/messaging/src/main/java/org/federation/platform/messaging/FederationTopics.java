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
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service publishes to and consumes from, and the dead-letter topic of each
 * consumed topic for the service's consumer group ({@code <topic>.<group>.dlq}), all with the
 * same partition count. Topics are never left to auto-creation, which would give them the
 * broker's defaults.
 */
public class FederationTopics {

    private static final Logger log = LoggerFactory.getLogger(FederationTopics.class);

    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;
    private final Duration brokerWait;

    public FederationTopics(String bootstrapServers, int partitions, short replicationFactor, Duration brokerWait) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.brokerWait = brokerWait;
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

    /** Creates whichever of {@code topics} do not exist yet, waiting for the broker if it is still starting. */
    public void ensure(Set<String> topics) {
        long deadline = System.nanoTime() + brokerWait.toNanos();
        while (true) {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing = new ArrayList<>();
                for (String topic : topics) {
                    if (!existing.contains(topic)) {
                        missing.add(new NewTopic(topic, partitions, replicationFactor));
                    }
                }
                if (!missing.isEmpty()) {
                    createAll(admin, missing);
                    log.info("Created topics {} with {} partitions on {}", missing.stream().map(NewTopic::name).toList(),
                            partitions, bootstrapServers);
                }
                return;
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not create topics " + topics + " on Kafka at "
                            + bootstrapServers + " within " + brokerWait + ": " + e.getMessage(), e);
                }
                log.info("Kafka at {} not ready for topic creation yet ({}); retrying", bootstrapServers, e.getMessage());
                pause();
            }
        }
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

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
