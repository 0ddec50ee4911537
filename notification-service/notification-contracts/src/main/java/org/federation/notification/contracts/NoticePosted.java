package org.federation.notification.contracts;

import java.time.Instant;

/**
 * {@code org.federation.notification.notice-posted.v1}: a notice reached a recipient's inbox.
 *
 * @param noticeId       the notice id (the event's key)
 * @param recipient      who it is for, e.g. {@code department:organization} or {@code person:2024001}
 * @param kind           what it is about, e.g. {@code club-established}, {@code direct}, {@code escalation}
 * @param title          one-line summary
 * @param subjectRef     the thing it is about, e.g. {@code club:<id>}
 * @param postedAt       when it was posted
 * @param directNoticeId for a department's direct notice: which one; otherwise null (optional, added later)
 * @param acknowledgeBy  when it must be acknowledged by, or null (optional, added later)
 */
public record NoticePosted(String noticeId, String recipient, String kind, String title, String subjectRef,
                           Instant postedAt, String directNoticeId, Instant acknowledgeBy) {
}
