package org.federation.event.training.domain;

import java.time.Instant;

/** A trainee's feedback on a class: a rating from 1 (poor) to 5 (excellent) and an optional comment. */
public record TraineeFeedback(String studentNumber, int rating, String comment, Instant givenAt) {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;
}
