package org.federation.platform.messaging;

import java.util.Date;

import org.bson.Document;

/** How an {@link EventEnvelope} is kept inside {@code pendingEvents}. */
final class PendingEventCodec {

    /** Absent in events stored before traces were kept: they load with no trace. */
    private static final String TRACEPARENT = "traceparent";

    private PendingEventCodec() {
    }

    static Document toDocument(EventEnvelope event) {
        Document document = new Document("id", event.id())
                .append("type", event.type())
                .append("source", event.source())
                .append("subject", event.subject())
                .append("time", Date.from(event.time()))
                .append("actor", event.actor())
                .append("sequence", event.sequence())
                .append("payload", event.payload());
        if (event.traceparent() != null) {
            document.append(TRACEPARENT, event.traceparent());
        }
        return document;
    }

    static EventEnvelope fromDocument(Document document) {
        return new EventEnvelope(document.getString("id"), document.getString("type"), document.getString("source"),
                document.getString("subject"), document.get("time", Date.class).toInstant(),
                document.getString("actor"), ((Number) document.get("sequence")).longValue(),
                document.getString("payload"), document.getString(TRACEPARENT));
    }
}
