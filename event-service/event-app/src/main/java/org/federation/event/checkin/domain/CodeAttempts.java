package org.federation.event.checkin.domain;

import java.time.Instant;

/**
 * The attempts each person makes at an activity's check-in code, counted per window
 * ({@link CodeAttemptLimit}) so that guessing the rotating code is slowed down (a port; MongoDB in
 * infrastructure, each count one atomic update so two instances count every attempt once).
 */
public interface CodeAttempts {

    /** An attempt counted: the how-manieth in the window started at {@code windowStart}. */
    record Counted(long attempt, Instant windowStart) {
    }

    /** Counts one attempt of {@code person} at {@code activityId} at {@code now}. */
    Counted count(String activityId, String person, CodeAttemptLimit limit, Instant now);

    /** Gives back an attempt that turned out to be the right code, so only wrong codes use the allowance. */
    void giveBack(String activityId, String person);
}
