package org.federation.event.checkin.domain;

import java.time.Duration;
import java.time.Instant;

import org.federation.platform.problem.TooManyRequestsException;

/**
 * How many check-in codes one person may try at one activity within a window. A six-digit code
 * (two accepted at a time) could otherwise be found by trying them all during the activity; with
 * a handful of tries per window, guessing takes longer than any activity lasts. Every attempt is
 * counted before the code is looked at, so once the allowance is used up even the right code is
 * refused until the window ends: a guesser learns nothing from the answers during a lock.
 */
public record CodeAttemptLimit(int attempts, Duration window) {

    public CodeAttemptLimit {
        if (attempts < 1) {
            throw new IllegalArgumentException("check-in code attempts must be at least 1, not " + attempts);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the check-in code attempts' window must be positive, not " + window);
        }
    }

    /** Whether a window started at {@code windowStart} is over at {@code now} (its count starts again). */
    public boolean over(Instant windowStart, Instant now) {
        return !windowStart.plus(window).isAfter(now);
    }

    /**
     * Refuses the {@code attempt}-th attempt of a window started at {@code windowStart} if it is
     * beyond the allowance, saying how long until the window ends.
     */
    public void requireAllowed(String activityId, long attempt, Instant windowStart, Instant now) {
        if (attempt > attempts) {
            throw new TooManyRequestsException("more than " + attempts + " check-in codes tried at activity " + activityId
                    + " within " + window + "; try again when the wait is over", Duration.between(now, windowStart.plus(window)));
        }
    }
}
