package org.federation.platform.messaging;

/** Field names the in-document outbox adds to an aggregate's document. */
final class OutboxFields {

    static final String ID = "_id";
    static final String VERSION = "version";
    static final String LAST_SEQUENCE = "lastSequence";
    static final String PENDING = "pendingEvents";
    static final String LEASE = "relayLease";
    static final String LEASE_OWNER = "relayLease.owner";
    static final String LEASE_TOKEN = "relayLease.token";
    static final String LEASE_EXPIRES = "relayLease.expiresAt";

    private OutboxFields() {
    }
}
