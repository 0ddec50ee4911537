package org.federation.notification.contracts;

import java.time.Instant;
import java.util.List;

/**
 * {@code org.federation.notification.notice-escalated.v1}: a direct notice was not acknowledged in
 * time by a club (or a liaison officer), so it was escalated one step. Keyed by the escalation id
 * ({@code <directNoticeId>:<group>}).
 *
 * @param escalationId   the escalation
 * @param directNoticeId the unacknowledged direct notice
 * @param department     the sending department
 * @param group          {@code club:<id>}, or {@code person:<number>} for a recipient outside any club
 * @param step           {@code liaison-officer} or {@code department-head}
 * @param escalatedTo    the recipients of the escalation notice ({@code person:<n>} or {@code department:<d>})
 * @param acknowledgeBy  the deadline that passed
 * @param escalatedAt    when
 */
public record NoticeEscalated(String escalationId, String directNoticeId, String department, String group, String step,
                              List<String> escalatedTo, Instant acknowledgeBy, Instant escalatedAt) {
}
