package org.federation.notification.inbox;

import java.time.Instant;

import org.federation.notification.contracts.NoticePosted;

/**
 * A notice in one recipient's inbox.
 *
 * @param id         derived from the event behind it and the recipient, so one event can put a
 *                   notice in an inbox only once
 * @param recipient  {@code department:<name>}, {@code person:<number>}, …
 * @param kind       what it is about, e.g. {@code club-established}
 * @param subjectRef the thing it is about, e.g. {@code club:<id>}
 * @param readAt     when the recipient read it, or null
 */
public record Notice(String id, String recipient, String kind, String title, String body, String subjectRef,
                     Instant postedAt, Instant readAt) {

    public static String idFor(String eventId, String recipient) {
        return eventId + "|" + recipient;
    }

    NoticePosted posted() {
        return new NoticePosted(id, recipient, kind, title, subjectRef, postedAt);
    }
}
