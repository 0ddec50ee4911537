package org.federation.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * One event as it travels: the CloudEvents attributes, the per-aggregate sequence, the actor who
 * caused it, and the JSON payload of a contract record. Stored as-is in an aggregate's
 * {@code pendingEvents} until the relay has it acknowledged by the broker.
 *
 * @param id       unique event id (UUID), {@code ce_id}
 * @param type     logical, versioned type such as {@code org.federation.club.established.v1}
 * @param source   the publishing service, such as {@code /club-service}
 * @param subject  the aggregate id; also the Kafka key, so an aggregate's events keep their order
 * @param time     when the event happened
 * @param actor    who caused it: a token subject, or {@code system}
 * @param sequence per-aggregate, monotonic, starting at 1
 * @param payload  the contract record as JSON
 * @param traceparent the W3C Trace Context ({@code traceparent}) of the request or event that caused
 *                 it, sent as the {@code traceparent} header so consumers continue that trace; null
 *                 when nothing was traced (or for an event stored before traces were kept)
 */
public record EventEnvelope(String id, String type, String source, String subject, Instant time,
                            String actor, long sequence, String payload, String traceparent) {

    /** The W3C Trace Context header (https://www.w3.org/TR/trace-context/). */
    public static final String TRACEPARENT = "traceparent";

    /** An event caused by nothing traced. */
    public EventEnvelope(String id, String type, String source, String subject, Instant time,
                         String actor, long sequence, String payload) {
        this(id, type, source, subject, time, actor, sequence, payload, null);
    }

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must start at 1, was " + sequence);
        }
    }

    /** The Kafka record for this event: key = subject, CloudEvents attributes in headers. */
    public ProducerRecord<String, byte[]> toRecord(String topic) {
        List<Header> headers = new ArrayList<>(11);
        headers.add(header(CloudEventHeaders.ID, id));
        headers.add(header(CloudEventHeaders.TYPE, type));
        headers.add(header(CloudEventHeaders.SOURCE, source));
        headers.add(header(CloudEventHeaders.SUBJECT, subject));
        headers.add(header(CloudEventHeaders.TIME, time.toString()));
        headers.add(header(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0));
        headers.add(header(CloudEventHeaders.ACTOR, actor));
        headers.add(header(CloudEventHeaders.CE_SEQUENCE, Long.toString(sequence)));
        headers.add(header(CloudEventHeaders.SEQUENCE, Long.toString(sequence)));
        headers.add(header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON));
        if (traceparent != null) {
            headers.add(header(TRACEPARENT, traceparent));
        }
        return new ProducerRecord<>(topic, null, subject, payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * Reads an envelope back from message headers (either header spelling) and a payload.
     *
     * @throws MalformedEventException if a mandatory attribute is missing or unreadable
     */
    public static EventEnvelope fromHeaders(Map<String, ?> headers, byte[] payload) {
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String source = required(headers, CloudEventHeaders.SOURCE);
        String subject = required(headers, CloudEventHeaders.SUBJECT);
        String time = required(headers, CloudEventHeaders.TIME);
        String sequence = CloudEventHeaders.read(headers, CloudEventHeaders.CE_SEQUENCE);
        if (sequence == null || sequence.isBlank()) {
            sequence = required(headers, CloudEventHeaders.SEQUENCE);
        }
        String actor = CloudEventHeaders.read(headers, CloudEventHeaders.ACTOR);
        if (payload == null || payload.length == 0) {
            throw new MalformedEventException("event " + id + " (" + type + ") has an empty payload");
        }
        try {
            return new EventEnvelope(id, type, source, subject, Instant.parse(time),
                    actor == null ? "system" : actor, Long.parseLong(sequence),
                    new String(payload, StandardCharsets.UTF_8), CloudEventHeaders.read(headers, TRACEPARENT));
        } catch (RuntimeException e) {
            throw new MalformedEventException("event " + id + " (" + type + ") has a bad envelope: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, ?> headers, String name) {
        String value = CloudEventHeaders.read(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("event header " + name + " is missing");
        }
        return value;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
