package org.federation.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.federation.notification.contracts.NoticeAcknowledged;
import org.federation.notification.contracts.NoticePosted;

/**
 * A notice in one recipient's inbox.
 *
 * @param id               derived from what caused it (an event, a direct notice, an escalation step)
 *                         and the recipient, so the same cause puts a notice in an inbox only once
 * @param recipient        {@code department:<name>}, {@code person:<number>}
 * @param kind             what it is about, e.g. {@code club-established}, {@code direct}, {@code escalation}
 * @param subjectRef       the thing it is about, e.g. {@code club:<id>}
 * @param readAt           when the recipient read it, or null
 * @param senderDepartment for a direct notice: the department that sent it
 * @param directNoticeId   for a direct notice: which one
 * @param clubIds          for a direct notice: the clubs through which it reached this recipient
 * @param acknowledgeBy    when it must be acknowledged by, or null if it needs no acknowledgement
 * @param acknowledgedAt   when the recipient acknowledged it, or null
 */
public record Notice(String id, String recipient, String kind, String title, String body, String subjectRef,
                     Instant postedAt, Instant readAt, String senderDepartment, String directNoticeId,
                     List<String> clubIds, Instant acknowledgeBy, Instant acknowledgedAt) {

    /** A notice that needs no acknowledgement. */
    public Notice(String id, String recipient, String kind, String title, String body, String subjectRef, Instant postedAt) {
        this(id, recipient, kind, title, body, subjectRef, postedAt, null, null, null, null, null, null);
    }

    /** The id of the notice one cause ({@code eventId}, a direct notice's id, …) puts in one recipient's inbox. */
    public static String idFor(String cause, String recipient) {
        return UUID.nameUUIDFromBytes((cause + "|" + recipient).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public boolean requiresAcknowledgement() {
        return acknowledgeBy != null;
    }

    Notice read(Instant at) {
        return readAt != null ? this : new Notice(id, recipient, kind, title, body, subjectRef, postedAt, at,
                senderDepartment, directNoticeId, clubIds, acknowledgeBy, acknowledgedAt);
    }

    Notice acknowledged(Instant at) {
        return new Notice(id, recipient, kind, title, body, subjectRef, postedAt, readAt == null ? at : readAt,
                senderDepartment, directNoticeId, clubIds, acknowledgeBy, at);
    }

    NoticePosted posted() {
        return new NoticePosted(id, recipient, kind, title, subjectRef, postedAt, directNoticeId, acknowledgeBy);
    }

    NoticeAcknowledged acknowledgement(String by) {
        return new NoticeAcknowledged(id, recipient, directNoticeId, clubIds, by, acknowledgedAt, acknowledgeBy);
    }
}
