package org.federation.notification.feedback;

import java.time.Instant;

/**
 * A suggestion or complaint sent to the federation, routed to a department, answered by it.
 *
 * @param sender             the signed-in sender's number, or null for an anonymous sender
 * @param followUpTokenHash  SHA-256 of the follow-up token given to the sender (anonymous senders follow it with that)
 * @param state              {@code received} or {@code answered}
 * @param published          whether the department made the answered item public
 */
public record Feedback(String id, String kind, String department, String subject, String text, String sender,
                       String followUpTokenHash, String state, Instant receivedAt, String answer, String answeredBy,
                       Instant answeredAt, boolean published) {

    public static final String RECEIVED = "received";
    public static final String ANSWERED = "answered";

    Feedback answered(String answerText, String by, Instant at, boolean makePublic) {
        return new Feedback(id, kind, department, subject, text, sender, followUpTokenHash, ANSWERED, receivedAt,
                answerText, by, at, makePublic);
    }
}
