package org.federation.notification.direct.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.federation.notification.contracts.DirectNoticeSent;
import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.RuleViolationException;

/**
 * A notice a department sends directly: to all clubs, a category of clubs, chosen clubs, or the
 * liaison officers; reaching the clubs' leaders or all their members; optionally to be
 * acknowledged by a deadline. Stored first ({@code sending}), then fanned out to every inbox
 * ({@code sent}); a fan-out interrupted by a crash is resumed by the sweep.
 *
 * @param audience   {@code all-clubs}, {@code category}, {@code clubs}, {@code liaison-officers}
 * @param category   for {@code category}: which
 * @param clubIds    for {@code clubs}: which; once sent, the clubs it reached
 * @param reach      {@code leaders} or {@code members} (members include the leaders)
 * @param recipients how many inboxes it reached (once sent)
 * @param escalateToLiaisonAfter with {@code acknowledgeBy}: how long after it an unacknowledged club escalates to its
 *                               liaison officer (null without a deadline, or for a notice sent before it was chosen)
 * @param escalateToHeadAfter    with {@code acknowledgeBy}: how long after it to the department's head
 */
public record DirectNotice(String id, String department, String sentBy, String title, String body, String audience,
                           String category, List<String> clubIds, String reach, Instant acknowledgeBy, String state,
                           int recipients, Instant createdAt, Instant sentAt, Duration escalateToLiaisonAfter,
                           Duration escalateToHeadAfter) {

    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    /** The audience of the liaison officers (the clubs' audiences are all-clubs, category and clubs). */
    public static final String LIAISON_OFFICERS = "liaison-officers";
    /** How far ahead a deadline may lie. */
    public static final Duration LONGEST_LEAD = Duration.ofDays(366);

    /**
     * The audience rules: a category is given exactly when the audience is {@code category}, clubs
     * exactly when it is {@code clubs}, and a reach (leaders or members) only for clubs.
     *
     * @throws RuleViolationException naming the field that breaks a rule
     */
    public static void requireAudience(String audience, String category, List<String> clubIds, String reach) {
        if ("category".equals(audience) != (category != null)) {
            throw new RuleViolationException("category", "a category is given exactly when the audience is 'category'");
        }
        if ("clubs".equals(audience) != !clubIds.isEmpty()) {
            throw new RuleViolationException("clubIds", "clubs are chosen exactly when the audience is 'clubs'");
        }
        if (LIAISON_OFFICERS.equals(audience) && reach != null) {
            throw new RuleViolationException("reach", "the reach (leaders or members) is for clubs, not liaison officers");
        }
    }

    /** A deadline (if any) lies in the future, and within {@link #LONGEST_LEAD}. */
    public static void requireDeadline(Instant deadline, Instant now) {
        if (deadline != null && (!deadline.isAfter(now) || deadline.isAfter(now.plus(LONGEST_LEAD)))) {
            throw new RuleViolationException("acknowledgeBy", "the deadline must be in the future and within a year");
        }
    }

    /** Escalation timing is chosen only for a notice with a deadline. */
    public static void requireDeadlineForEscalation(Instant deadline, boolean toLiaisonChosen, boolean toHeadChosen) {
        if (deadline == null && (toLiaisonChosen || toHeadChosen)) {
            throw new RuleViolationException(toLiaisonChosen ? "escalateToLiaisonAfter" : "escalateToHeadAfter",
                    "escalation is for a notice with a deadline (acknowledgeBy)");
        }
    }

    /**
     * A new notice, {@code sending}: its audience and deadline checked ({@link #requireAudience},
     * {@link #requireDeadline}); clubs' notices reach their leaders unless the sender chose the members.
     */
    public static DirectNotice compose(String id, String department, String sentBy, String title, String body,
                                       String audience, String category, List<String> clubIds, String reach,
                                       Instant deadline, Duration escalateToLiaisonAfter, Duration escalateToHeadAfter,
                                       Instant now) {
        requireAudience(audience, category, clubIds, reach);
        requireDeadline(deadline, now);
        return new DirectNotice(id, department, sentBy, title.strip(), body.strip(), audience, category, clubIds,
                LIAISON_OFFICERS.equals(audience) ? null : reach == null ? "leaders" : reach, deadline, SENDING, 0, now,
                null, escalateToLiaisonAfter, escalateToHeadAfter);
    }

    /**
     * The notice reached every inbox: {@code sent}, announced by {@code direct-notice-sent} on behalf of
     * whoever sent it. Once sent, a repeat (a resumed fan-out) changes nothing.
     *
     * @param reached the clubs it reached
     * @param count   how many inboxes it reached
     */
    public Decision<DirectNotice> sent(List<String> reached, int count, Instant at) {
        if (!SENDING.equals(state)) {
            return Decision.quietly(this);
        }
        DirectNotice sent = new DirectNotice(id, department, sentBy, title, body, audience, category, reached, reach,
                acknowledgeBy, SENT, count, createdAt, at, escalateToLiaisonAfter, escalateToHeadAfter);
        return Decision.of(sent, new DomainEvent(NotificationEventTypes.DIRECT_NOTICE_SENT, sentBy,
                new DirectNoticeSent(id, department, title, audience, reach, reached, count, acknowledgeBy, at)));
    }
}
