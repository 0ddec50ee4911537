package org.federation.notification.contracts;

import java.time.Instant;
import java.util.List;

/**
 * {@code org.federation.notification.notice-acknowledged.v1}: a recipient acknowledged a notice that
 * asked for it. Keyed by the notice id.
 *
 * @param noticeId       the notice
 * @param recipient      whose inbox it is in
 * @param directNoticeId the direct notice it belongs to, or null
 * @param clubIds        the clubs through which it reached the recipient (empty if none)
 * @param acknowledgedBy who acknowledged it (the token subject)
 * @param acknowledgedAt when
 * @param acknowledgeBy  the deadline it had
 */
public record NoticeAcknowledged(String noticeId, String recipient, String directNoticeId, List<String> clubIds,
                                 String acknowledgedBy, Instant acknowledgedAt, Instant acknowledgeBy) {
}
