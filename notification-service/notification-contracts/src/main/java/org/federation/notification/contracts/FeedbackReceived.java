package org.federation.notification.contracts;

import java.time.Instant;

/**
 * {@code org.federation.notification.feedback-received.v1}: someone sent the federation a suggestion
 * or complaint, routed to a department. Keyed by the feedback id. The sender is not named (feedback
 * may be anonymous).
 *
 * @param feedbackId the feedback
 * @param kind       {@code suggestion} or {@code complaint}
 * @param department the department that answers it
 * @param subject    its one-line subject
 * @param receivedAt when it arrived
 */
public record FeedbackReceived(String feedbackId, String kind, String department, String subject, Instant receivedAt) {
}
