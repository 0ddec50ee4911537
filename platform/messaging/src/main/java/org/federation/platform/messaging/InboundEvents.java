package org.federation.platform.messaging;

import java.util.Map;

import org.springframework.messaging.Message;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads inbound Kafka messages into envelopes and contract records. Anything unreadable becomes a
 * {@link MalformedEventException}, which the binder sends to the dead-letter topic at once.
 */
public class InboundEvents {

    private final JsonMapper json;

    public InboundEvents(JsonMapper json) {
        this.json = json;
    }

    public EventEnvelope envelope(Message<byte[]> message) {
        Map<String, Object> headers = message.getHeaders();
        return EventEnvelope.fromHeaders(headers, message.getPayload());
    }

    /** The event's payload as a contract record. */
    public <T> T payload(EventEnvelope event, Class<T> type) {
        try {
            T value = json.readValue(event.payload(), type);
            if (value == null) {
                throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") has a null payload");
            }
            return value;
        } catch (JacksonException e) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") payload is not a valid "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Fails the event as malformed unless {@code condition} holds; for contract-level validation. */
    public static void require(boolean condition, EventEnvelope event, String what) {
        if (!condition) {
            throw new MalformedEventException("event " + event.id() + " (" + event.type() + ") is invalid: " + what);
        }
    }
}
