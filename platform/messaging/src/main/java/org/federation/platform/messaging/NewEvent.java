package org.federation.platform.messaging;

import java.util.Objects;

/**
 * An event an aggregate has just produced, before the store gives it an id, a time and its
 * sequence number.
 *
 * @param type    logical versioned type ({@code ce_type})
 * @param actor   who caused it: a token subject, or {@code system}
 * @param payload the contract record; serialised to JSON by the store
 */
public record NewEvent(String type, String actor, Object payload) {

    public NewEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
    }
}
