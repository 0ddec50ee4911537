package org.federation.event.activities.domain;

/** Venues' schedules, each changed by a conditional single-document write. */
public interface VenueSchedules {

    /** @throws org.federation.platform.problem.StateConflictException naming the other activity on a clash */
    void book(String venue, VenueSchedule.Booking booking);

    void release(String venue, String activityId);

    /** Removes this booking if the venue still holds exactly it. */
    void releaseExactly(String venue, VenueSchedule.Booking booking);

    /** Every venue's schedule. */
    java.util.List<VenueSchedule> all();
}
