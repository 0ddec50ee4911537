package org.federation.platform.messaging.consumer;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.federation.platform.messaging.CloudEventHeaders;
import org.slf4j.MDC;

/**
 * Puts the event being handled into the logging context (MDC), so every line a consumer logs
 * says which service, aggregate and whose action it is about: {@code service}, {@code aggregateId} (the event's subject),
 * {@code actor} and {@code eventType}. The trace and span ids come from the tracer, which continues
 * the event's {@code traceparent}.
 */
final class EventLogContext {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EventLogContext.class);

    static final String AGGREGATE_ID = "aggregateId";
    static final String ACTOR = "actor";
    static final String EVENT_TYPE = "eventType";
    // not "service": structured (ECS) logs write service.name there, and a second "service" made logback drop
    // the whole line ("The name 'service' has already been written")
    static final String SERVICE = "serviceName";

    private EventLogContext() {
    }

    static void enter(ConsumerRecord<?, ?> record, String service) {
        MDC.put(SERVICE, service);
        put(AGGREGATE_ID, header(record, CloudEventHeaders.SUBJECT));
        put(ACTOR, header(record, CloudEventHeaders.ACTOR));
        put(EVENT_TYPE, header(record, CloudEventHeaders.TYPE));
        // DEBUG: one line per consumed event, with its trace, for following a trace through the services
        log.debug("Handling {} of {} from {}-{}@{}", MDC.get(EVENT_TYPE), MDC.get(AGGREGATE_ID), record.topic(),
                record.partition(), record.offset());
    }

    static void leave() {
        MDC.remove(AGGREGATE_ID);
        MDC.remove(ACTOR);
        MDC.remove(EVENT_TYPE);
        MDC.remove(SERVICE);
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        } else {
            MDC.remove(key);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
