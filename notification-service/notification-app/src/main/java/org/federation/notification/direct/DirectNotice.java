package org.federation.notification.direct;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    DirectNotice sent(List<String> reached, int count, Instant at) {
        return new DirectNotice(id, department, sentBy, title, body, audience, category, reached, reach, acknowledgeBy,
                SENT, count, createdAt, at, escalateToLiaisonAfter, escalateToHeadAfter);
    }
}
