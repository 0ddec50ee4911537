package org.federation.event.registration.domain;

import java.time.Instant;
import java.util.List;

/**
 * The free-seat counter of an activity with a capacity ({@code seatsFree}), kept on the activity's
 * own document beside the aggregate's fields, and its waitlist numbering. Every change is a
 * conditional single-document write, so two people never take the last seat together.
 */
public interface Seats {

    /** A counter as read by a repair: compared again, field by field, when it is corrected. */
    record Counter(String activityId, long capacity, long seatsFree, Instant changedAt) {
    }

    /** Starts the counter at {@code capacity} unless it exists already. */
    void openIfAbsent(String activityId, int capacity, Instant at);

    /** Takes a seat if one is free; false if none is. */
    boolean take(String activityId, Instant at);

    /** Gives a seat back to the counter (if the activity has one). */
    void giveBack(String activityId, Instant at);

    /** The next number on the activity's waitlist. */
    long nextWaitNumber(String activityId);

    /** The counters of approved activities with a capacity that start after {@code now}. */
    List<Counter> upcoming(Instant now);

    /** Sets the counter to {@code seatsFree} only if it is still exactly as {@code read} (compare-and-set). */
    boolean correct(Counter read, long seatsFree, Instant at);
}
