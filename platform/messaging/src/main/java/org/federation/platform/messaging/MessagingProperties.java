package org.federation.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code federation.messaging.*}: how a service talks to Kafka.
 *
 * @param partitions        partitions of every topic the service creates (the contracts say 6)
 * @param replicationFactor replication of created topics (1 locally, 3 on a cluster)
 * @param brokerWait        how long start-up waits for the broker before giving up
 * @param relayLease        how long a relay's claim on a document lasts
 * @param relaySweep        how often the relay sweeps for events left pending
 * @param relaySendTimeout  how long the relay waits for the broker's acknowledgement
 * @param relayWorkers      threads that relay right after writes
 * @param ownerRetention    how long the owner topics keep records: unset or negative (the default) = forever,
 *                          as the contracts require; a positive value only for a throw-away environment
 * @param deadLetterRetention how long dead-letter and retry topics keep records (default 14 days)
 * @param minInsyncReplicas  {@code min.insync.replicas} of created topics (unset: the broker's default; 2 on a
 *                           3-broker cluster, so an acknowledged write ({@code acks=all}) is on two brokers)
 * @param topics             whether the service creates its topics or only verifies them
 */
@ConfigurationProperties("federation.messaging")
public record MessagingProperties(Integer partitions, Short replicationFactor, Duration brokerWait,
                                  Duration relayLease, Duration relaySweep, Duration relaySendTimeout,
                                  Integer relayWorkers, Duration ownerRetention, Duration deadLetterRetention,
                                  Integer minInsyncReplicas, Topics topics) {

    /**
     * {@code federation.messaging.topics.*}.
     *
     * @param create true (default): create missing topics and set retention on owned ones (local platform,
     *               tests); false (production): only verify that every needed topic exists, stopping the start
     *               naming the missing ones, because the cluster's {@code KafkaTopic} resources own them
     */
    public record Topics(Boolean create) {
        public Topics {
            create = create == null || create;
        }
    }

    public MessagingProperties {
        OutboxRelaySettings defaults = OutboxRelaySettings.defaults();
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        brokerWait = brokerWait == null ? Duration.ofSeconds(60) : brokerWait;
        relayLease = relayLease == null ? defaults.lease() : relayLease;
        relaySweep = relaySweep == null ? defaults.sweepInterval() : relaySweep;
        relaySendTimeout = relaySendTimeout == null ? defaults.sendTimeout() : relaySendTimeout;
        relayWorkers = relayWorkers == null ? defaults.workers() : relayWorkers;
        deadLetterRetention = deadLetterRetention == null ? Duration.ofDays(14) : deadLetterRetention;
        topics = topics == null ? new Topics(true) : topics;
        if (minInsyncReplicas != null && (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor)) {
            throw new IllegalArgumentException("federation.messaging.min-insync-replicas must be between 1 and the"
                    + " replication factor (" + replicationFactor + "), not " + minInsyncReplicas);
        }
    }

    OutboxRelaySettings relaySettings() {
        return new OutboxRelaySettings(relayLease, relaySweep, relaySendTimeout, relayWorkers);
    }
}
