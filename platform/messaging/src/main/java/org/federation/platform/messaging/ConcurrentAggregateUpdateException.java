package org.federation.platform.messaging;

import org.federation.platform.problem.ConcurrentChangeException;

/** Someone else changed the aggregate since it was loaded; reload and decide again (HTTP 409, as its kernel supertype). */
public class ConcurrentAggregateUpdateException extends ConcurrentChangeException {

    public ConcurrentAggregateUpdateException(String collection, String id, long expectedVersion) {
        super("%s/%s changed since version %d was read".formatted(collection, id, expectedVersion));
    }
}
