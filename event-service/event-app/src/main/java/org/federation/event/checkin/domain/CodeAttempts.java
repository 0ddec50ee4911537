package org.federation.event.checkin.domain;

import java.time.Instant;

/**
 * The check-in codes a person tried at an activity, counted per {@link CodeAttemptLimit} window and
 * shared by every instance: counting one attempt is a single atomic step, so two instances counting at
 * once never lose one.
 */
public interface CodeAttempts {

    /** An attempt counted: the how-manieth in the window started at {@code windowStart}. */
    record Counted(long attempt, Instant windowStart) {
    }

    /** Counts one attempt of {@code person} at {@code activityId} at {@code now}; a window that is over starts anew. */
    Counted count(String activityId, String person, CodeAttemptLimit limit, Instant now);

    /** Gives back an attempt that turned out to be the right code, so only wrong codes use the allowance. */
    void giveBack(String activityId, String person);
}
