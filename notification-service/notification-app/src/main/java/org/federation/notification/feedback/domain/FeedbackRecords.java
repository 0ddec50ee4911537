package org.federation.notification.feedback.domain;

import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/** Where feedback is kept, each change with its event in one write (a port; {@code feedback} in MongoDB). */
public interface FeedbackRecords {

    /** Stores new feedback with its {@code feedback-received} event. */
    Feedback create(String id, Decision<Feedback> received);

    Optional<Feedback> find(String id);

    /** Lets {@code decide} work on the current feedback and stores its decision; 404 if there is none. */
    Feedback change(String id, Function<Feedback, Decision<Feedback>> decide);

    /** A department's feedback, newest first, in one state (or any). */
    PageOf<Feedback> newestFirst(String department, String state, int page, int size);

    /** Answered feedback made public, newest answer first. */
    PageOf<Feedback> published(int page, int size);
}
