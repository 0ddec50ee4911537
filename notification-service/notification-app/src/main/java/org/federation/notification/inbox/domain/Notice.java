package org.federation.notification.inbox.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.federation.notification.contracts.NoticeAcknowledged;
import org.federation.notification.contracts.NoticePosted;
import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;

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

    /**
     * Puts this notice in its recipient's inbox, announced by {@code notice-posted}.
     *
     * @param actor who caused it: whoever caused the event it reports, the sender of a direct notice, or
     *              {@link DomainEvent#SYSTEM}
     */
    public Decision<Notice> post(String actor) {
        return Decision.of(this, new DomainEvent(NotificationEventTypes.NOTICE_POSTED, actor,
                new NoticePosted(id, recipient, kind, title, subjectRef, postedAt, directNoticeId, acknowledgeBy)));
    }

    /** The recipient read it; a repeat keeps the first time. Nobody else needs to hear of it. */
    public Decision<Notice> read(Instant at) {
        return Decision.quietly(readAt != null ? this : new Notice(id, recipient, kind, title, body, subjectRef, postedAt,
                at, senderDepartment, directNoticeId, clubIds, acknowledgeBy, acknowledgedAt));
    }

    /**
     * {@code by} acknowledges it (which also reads it), announced by {@code notice-acknowledged}; a repeat
     * changes nothing and keeps the first time.
     *
     * @throws IllegalTransitionException if the notice asks for no acknowledgement
     */
    public Decision<Notice> acknowledge(String by, Instant at) {
        if (!requiresAcknowledgement()) {
            throw new IllegalTransitionException("acknowledging notice " + id, "not requiring acknowledgement",
                    List.of("read"));
        }
        if (acknowledgedAt != null) {
            return Decision.quietly(this);
        }
        Notice acknowledged = new Notice(id, recipient, kind, title, body, subjectRef, postedAt,
                readAt == null ? at : readAt, senderDepartment, directNoticeId, clubIds, acknowledgeBy, at);
        return Decision.of(acknowledged, new DomainEvent(NotificationEventTypes.NOTICE_ACKNOWLEDGED, by,
                new NoticeAcknowledged(id, recipient, directNoticeId, clubIds, by, at, acknowledgeBy)));
    }
}
