package org.federation.platform.messaging;

/**
 * An aggregate's state as loaded, with the version a later update must still find and the
 * last event sequence it published.
 */
public record Versioned<T>(T state, long version, long lastSequence) {
}
