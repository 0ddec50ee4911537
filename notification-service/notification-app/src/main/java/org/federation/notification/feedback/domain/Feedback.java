package org.federation.notification.feedback.domain;

import java.time.Instant;
import java.util.List;

import org.federation.notification.contracts.FeedbackAnswered;
import org.federation.notification.contracts.FeedbackReceived;
import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;

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

    /** The actor of what an anonymous sender causes: there is no token subject to name. */
    public static final String ANONYMOUS = "anonymous";

    /**
     * Feedback arrives ({@code received}), announced by {@code feedback-received} on behalf of its sender.
     *
     * @param sender            the signed-in sender's number, or null for an anonymous sender
     * @param followUpTokenHash for an anonymous sender, the hash of the token they follow it with
     */
    public static Decision<Feedback> receive(String id, String kind, String department, String subject, String text,
                                             String sender, String followUpTokenHash, Instant at) {
        Feedback feedback = new Feedback(id, kind, department, subject, text, sender, followUpTokenHash, RECEIVED, at,
                null, null, null, false);
        return Decision.of(feedback, new DomainEvent(NotificationEventTypes.FEEDBACK_RECEIVED, feedback.senderAsActor(),
                new FeedbackReceived(id, kind, department, subject, at)));
    }

    /** Who sent it, as the actor of what it causes: the sender's number, or {@link #ANONYMOUS}. */
    public String senderAsActor() {
        return sender == null ? ANONYMOUS : sender;
    }

    /**
     * The department answers ({@code answered}), optionally making it public; announced by
     * {@code feedback-answered} on behalf of whoever answered.
     *
     * @throws IllegalTransitionException if it was answered already
     */
    public Decision<Feedback> answer(String answerText, boolean makePublic, String by, Instant at) {
        if (!RECEIVED.equals(state)) {
            throw new IllegalTransitionException("answering feedback " + id, state, List.of());
        }
        Feedback answered = new Feedback(id, kind, department, subject, text, sender, followUpTokenHash, ANSWERED,
                receivedAt, answerText, by, at, makePublic);
        return Decision.of(answered, new DomainEvent(NotificationEventTypes.FEEDBACK_ANSWERED, by,
                new FeedbackAnswered(id, department, by, at, makePublic)));
    }
}
