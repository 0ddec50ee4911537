package org.federation.event.training.domain;

import java.time.Duration;
import java.time.Instant;

import org.federation.platform.problem.RuleViolationException;

/**
 * One session of a training class: when and where it meets, its topic, and optionally the venue's
 * layout (rows of seats, front row first) that its seating chart uses unless a request gives another.
 *
 * @param number      1, 2, 3 … in the order the sessions were added
 * @param rows        rows of seats in the venue, or null if not given
 * @param seatsPerRow seats in each row, or null if not given
 */
public record TrainingSession(int number, Instant start, Instant end, String venue, String topic, Integer rows,
                              Integer seatsPerRow) {

    /** The longest a session may last. */
    public static final Duration LONGEST = Duration.ofHours(24);
    /** The largest venue layout, either way. */
    public static final int MAX_ROWS = 50;
    public static final int MAX_SEATS_PER_ROW = 50;

    /** What is planned for a session before it has a number. */
    public record Plan(Instant start, Instant end, String venue, String topic, Integer rows, Integer seatsPerRow) {

        /** Checks the times and the layout: the end after the start, at most a day; rows and seats both or neither. */
        public Plan {
            if (start == null || end == null || !end.isAfter(start)) {
                throw new RuleViolationException("end", "a session ends after it starts");
            }
            if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                throw new RuleViolationException("end", "a session lasts at most " + LONGEST.toHours() + " hours");
            }
            if ((rows == null) != (seatsPerRow == null)) {
                throw new RuleViolationException("rows", "a venue layout gives both rows and seatsPerRow, or neither");
            }
            if (rows != null) {
                requireLayout(rows, seatsPerRow);
            }
        }
    }

    /** Refuses (422) a layout outside 1–{@value #MAX_ROWS} rows and 1–{@value #MAX_SEATS_PER_ROW} seats per row. */
    public static void requireLayout(int rows, int seatsPerRow) {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new RuleViolationException("rows", "rows is between 1 and " + MAX_ROWS);
        }
        if (seatsPerRow < 1 || seatsPerRow > MAX_SEATS_PER_ROW) {
            throw new RuleViolationException("seatsPerRow", "seatsPerRow is between 1 and " + MAX_SEATS_PER_ROW);
        }
    }

    static TrainingSession numbered(int number, Plan plan) {
        return new TrainingSession(number, plan.start(), plan.end(), plan.venue(), plan.topic(), plan.rows(),
                plan.seatsPerRow());
    }

    /** Whether the session's venue layout is known. */
    public boolean hasLayout() {
        return rows != null && seatsPerRow != null;
    }
}
