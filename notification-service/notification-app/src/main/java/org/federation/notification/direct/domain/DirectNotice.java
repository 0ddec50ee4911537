package org.federation.notification.direct.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.federation.notification.contracts.DirectNoticeSent;
import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;

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
