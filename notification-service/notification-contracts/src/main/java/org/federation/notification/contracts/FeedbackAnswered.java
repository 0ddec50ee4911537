package org.federation.notification.contracts;

import java.time.Instant;

/**
 * {@code org.federation.notification.feedback-answered.v1}: a department answered a suggestion or
 * complaint. Keyed by the feedback id.
 *
 * @param feedbackId the feedback
 * @param department the department that answered
 * @param answeredBy who answered (token subject)
 * @param answeredAt when
 * @param published  whether the department made it public (listed in the public feedback list)
 */
public record FeedbackAnswered(String feedbackId, String department, String answeredBy, Instant answeredAt,
                               boolean published) {
}
