package org.federation.event.registration.domain;

import java.time.Instant;

/**
 * One person's place at an activity: {@code registered} (holds a seat), {@code waitlisted} (in
 * order of {@code waitNumber}) or {@code cancelled}. Id = activity id + "|" + person, so a person
 * has one registration per activity however often they ask.
 */
public record Registration(String id, String activityId, String person, String status, Long waitNumber,
                           Instant registeredAt, Instant changedAt) {

    public static final String REGISTERED = "registered";
    public static final String WAITLISTED = "waitlisted";
    public static final String CANCELLED = "cancelled";

    public static String idOf(String activityId, String person) {
        return activityId + "|" + person;
    }

    /** The person gave up their place (a seat they held passes to the waitlist). */
    public Registration cancelled(Instant now) {
        return new Registration(id, activityId, person, CANCELLED, null, registeredAt, now);
    }

    /** A waitlisted person takes a seat that came free. */
    public Registration promoted(Instant now) {
        return new Registration(id, activityId, person, REGISTERED, null, registeredAt, now);
    }
}
