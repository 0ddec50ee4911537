package org.federation.notification.delivery.domain;

import java.time.Instant;
import java.util.List;

import org.federation.platform.domain.FederationCalendar;

/**
 * One notice on its way to one address over one channel, with every attempt recorded.
 *
 * @param channel       {@code email} or {@code webhook}
 * @param target        the e-mail address or the webhook URL
 * @param status        {@code pending} (an attempt is due at {@code nextAttemptAt}), {@code delivered}, {@code failed}
 * @param attempts      how many attempts were made
 * @param history       each attempt: when, outcome, detail
 * @param failure       once {@code failed}: why it was given up (the last attempt's error, and whether no retry could
 *                      help or the attempts ran out), so the person and an operator see it without reading the history
 */
public record Delivery(String id, String noticeId, String recipient, String channel, String target, String subject,
                       String text, String payload, String status, int attempts, Instant nextAttemptAt,
                       List<Attempt> history, Instant createdAt, String failure) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    /** The subject of a notice's e-mail (and of its webhook's text). */
    public static String subjectOf(String title) {
        return "[Federation] " + title;
    }

    /** What a notice says beyond the inbox: its body, and the deadline to acknowledge it by in the portal if it has one. */
    public static String textOf(String body, Instant acknowledgeBy) {
        return body + (acknowledgeBy == null ? "" : "\n\nPlease acknowledge it in the federation portal by " + FederationCalendar.wallClock(acknowledgeBy) + ".");
    }

    /** One attempt and how it went. */
    public record Attempt(int number, Instant at, String outcome, String detail) {
    }
}
