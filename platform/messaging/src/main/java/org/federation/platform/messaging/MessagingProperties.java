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
 */
@ConfigurationProperties("federation.messaging")
public record MessagingProperties(Integer partitions, Short replicationFactor, Duration brokerWait,
                                  Duration relayLease, Duration relaySweep, Duration relaySendTimeout,
                                  Integer relayWorkers, Duration ownerRetention, Duration deadLetterRetention) {

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
    }

    OutboxRelaySettings relaySettings() {
        return new OutboxRelaySettings(relayLease, relaySweep, relaySendTimeout, relayWorkers);
    }
}
