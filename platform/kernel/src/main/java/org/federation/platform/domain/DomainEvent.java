package org.federation.platform.domain;

import java.util.Objects;

/**
 * An event an aggregate has just decided, before the store gives it an id, a time and its
 * sequence number. It knows its contract type and who caused it, so nothing downstream has to
 * work either out again.
 *
 * @param type    logical versioned type, the contract's {@code ce_type}
 * @param actor   who caused this very change: a token subject, or {@link #SYSTEM}
 * @param payload the contract record; serialised to JSON by the store
 */
public record DomainEvent(String type, String actor, Object payload) {

    /** The actor of a change nobody asked for in person: a sweep, a saga step, an import. */
    public static final String SYSTEM = "system";

    public DomainEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
        if (actor.isBlank()) {
            throw new IllegalArgumentException("an event's actor must not be blank (type " + type + ")");
        }
    }
}
