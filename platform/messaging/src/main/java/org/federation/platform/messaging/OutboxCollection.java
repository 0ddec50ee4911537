package org.federation.platform.messaging;

/**
 * A MongoDB collection whose documents carry an in-document outbox, and the topic its events go
 * to. Registered with the relay by {@link AggregateStore#repository} (or {@link AggregateStore#register}).
 */
public record OutboxCollection(String collection, String topic) {
}
