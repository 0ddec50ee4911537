package org.federation.platform.messaging;

import java.time.Duration;

/**
 * What the {@link OutboxRelay} reports to operators: each event the broker acknowledged (with the
 * time from the send to the acknowledgement), each that failed, and each sweep with the events it
 * found left behind and sent.
 */
public interface OutboxRelayMetrics {

    /** Reports nothing. */
    OutboxRelayMetrics NONE = new OutboxRelayMetrics() {
    };

    /** The broker acknowledged one event sent to {@code topic}, {@code latency} after the send. */
    default void sent(String topic, Duration latency) {
    }

    /** One event for {@code topic} was not sent or not acknowledged; it stays pending. */
    default void failed(String topic) {
    }

    /**
     * A sweep ran and sent {@code sent} events that the relay right after their write had not
     * (a failed send, a crashed instance, an expired lease): the outbox's repairs.
     */
    default void swept(int sent) {
    }
}
