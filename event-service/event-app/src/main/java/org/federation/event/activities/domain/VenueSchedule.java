package org.federation.event.activities.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.federation.platform.problem.StateConflictException;

/**
 * One venue's approved bookings. No two approved activities may use a venue at overlapping times:
 * the schedule lives in one document per venue, written conditionally on its version, so two
 * approvals racing for one slot cannot both pass.
 */
public record VenueSchedule(String id, String venue, List<Booking> bookings) {

    /** An approved activity's hold on the venue, from start (inclusive) to end (exclusive), and when it was made. */
    public record Booking(String activityId, String title, Instant start, Instant end, Instant bookedAt) {

        /** A booking whose time of booking is not known (kept before {@code bookedAt} existed). */
        public Booking(String activityId, String title, Instant start, Instant end) {
            this(activityId, title, start, end, null);
        }
    }

    public VenueSchedule {
        bookings = bookings == null ? List.of() : List.copyOf(bookings);
    }

    /** The key a venue is kept under: its name, trimmed, case and inner spacing ignored. */
    public static String keyOf(String venue) {
        return venue.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public static VenueSchedule empty(String venue) {
        return new VenueSchedule(keyOf(venue), venue.strip(), List.of());
    }

    /**
     * Books the venue for an activity (replacing that activity's earlier booking).
     *
     * @throws StateConflictException naming the other activity if the time overlaps another booking
     */
    public VenueSchedule book(Booking booking) {
        for (Booking other : bookings) {
            if (!other.activityId().equals(booking.activityId()) && other.start().isBefore(booking.end())
                    && booking.start().isBefore(other.end())) {
                throw new StateConflictException("venue '" + venue + "' is taken from " + other.start() + " to "
                        + other.end() + " by activity " + other.activityId() + " (" + other.title() + ")");
            }
        }
        List<Booking> next = new ArrayList<>(bookings.stream().filter(b -> !b.activityId().equals(booking.activityId())).toList());
        next.add(booking);
        return new VenueSchedule(id, venue, next);
    }

    /** Removes exactly this booking (as read), leaving a booking the activity has made since. */
    public VenueSchedule releaseExactly(Booking booking) {
        return new VenueSchedule(id, venue, bookings.stream().filter(b -> !b.equals(booking)).toList());
    }

    public VenueSchedule release(String activityId) {
        return new VenueSchedule(id, venue, bookings.stream().filter(b -> !b.activityId().equals(activityId)).toList());
    }
}
