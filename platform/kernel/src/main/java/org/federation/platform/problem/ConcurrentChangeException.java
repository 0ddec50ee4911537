package org.federation.platform.problem;

/**
 * Someone else changed the record since it was read (HTTP 409, "Changed concurrently"): the
 * caller reloads and tries again. Plain Java; the aggregate store's version check throws its
 * subtype {@code ConcurrentAggregateUpdateException}, so the web kit answers it without knowing
 * the messaging kit.
 */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
