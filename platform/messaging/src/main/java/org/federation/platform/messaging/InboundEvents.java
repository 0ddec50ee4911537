package org.federation.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.kafka.support.KafkaHeaders;
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

    /**
     * The message's envelope, refused as {@link ForeignSourceException} (poison: dead-lettered, never
     * applied) when it came from an owner topic and its {@code ce_source} is not that topic's owner.
     * The topic is the one the record was received from ({@code kafka_receivedTopic}, which the binder
     * and the dead-letter re-drive set); a message without it (handed over in process) is not checked.
     */
    public EventEnvelope envelope(Message<byte[]> message) {
        Map<String, Object> headers = message.getHeaders();
        EventEnvelope event = EventEnvelope.fromHeaders(headers, message.getPayload());
        String topic = topic(headers.get(KafkaHeaders.RECEIVED_TOPIC));
        TopicOwners.ownerOf(topic).filter(owner -> !owner.equals(event.source())).ifPresent(owner -> {
            throw new ForeignSourceException("event " + event.id() + " (" + event.type() + ") on " + topic
                    + " names " + event.source() + " as its source, but only " + owner + " publishes there");
        });
        return event;
    }

    private static String topic(Object header) {
        if (header instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return header == null ? null : header.toString();
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
