package org.federation.platform.messaging;

import java.time.Duration;

/**
 * Tuning of the relay.
 *
 * @param lease         how long a claim protects a document; longer than {@code sendTimeout}, so
 *                      a live relay never loses its lease mid-send
 * @param sweepInterval how often the timer looks for pending events left behind; the sweep is the
 *                      recovery path (the relay sends right after each write), and each sweep
 *                      scans the outbox collections, so it runs every few seconds, not constantly
 * @param sendTimeout   how long to wait for the broker's acknowledgement
 * @param workers       threads relaying right after writes
 */
public record OutboxRelaySettings(Duration lease, Duration sweepInterval, Duration sendTimeout, int workers) {

    public OutboxRelaySettings {
        if (lease.compareTo(sendTimeout) <= 0) {
            throw new IllegalArgumentException("the relay lease (" + lease + ") must outlast the send timeout (" + sendTimeout + ")");
        }
    }

    public static OutboxRelaySettings defaults() {
        return new OutboxRelaySettings(Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(15), 4);
    }
}
