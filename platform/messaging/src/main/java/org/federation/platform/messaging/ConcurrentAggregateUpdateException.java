package org.federation.platform.messaging;

/** Someone else changed the aggregate since it was loaded; reload and decide again. */
public class ConcurrentAggregateUpdateException extends RuntimeException {

    public ConcurrentAggregateUpdateException(String collection, String id, long expectedVersion) {
        super("%s/%s changed since version %d was read".formatted(collection, id, expectedVersion));
    }
}
