package org.federation.event.checkin.domain;

import java.time.Duration;
import java.time.Instant;

import org.federation.platform.problem.StateConflictException;

/**
 * When check-in is open for an activity: from {@code opensBefore} its start (an early door) until
 * {@code closesAfter} its end (late entries of walk-ins). Before or after, a check-in is refused
 * with a 409 that says when it opens or when it closed, so nobody is counted days early.
 */
public record CheckInWindow(Duration opensBefore, Duration closesAfter) {

    /** The federation's default: open one hour before the start, until 12 hours after the end. */
    public static final Duration DEFAULT_OPENS_BEFORE = Duration.ofHours(1);

    public CheckInWindow {
        if (opensBefore.isNegative() || closesAfter.isNegative()) {
            throw new IllegalArgumentException("check-in window durations must not be negative");
        }
    }

    public Instant opensAt(Instant start) {
        return start.minus(opensBefore);
    }

    /** Refuses (409) a check-in outside the window of an activity with this start and end. */
    public void requireOpen(String activityId, Instant start, Instant end, Instant now) {
        if (now.isBefore(opensAt(start))) {
            throw new StateConflictException("check-in for activity " + activityId + " opens at " + opensAt(start)
                    + ", " + describe(opensBefore) + " before it starts at " + start);
        }
        if (now.isAfter(end.plus(closesAfter))) {
            throw new StateConflictException("activity " + activityId + " ended at " + end + "; check-in is closed");
        }
    }

    private static String describe(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }
}
