package org.federation.event.contracts;

import java.time.Instant;

/**
 * {@code org.federation.activity.registration-changed.v1}: one person's place at an activity
 * changed. Keyed by the registration id; the newest by {@code sequence} is the person's place now.
 * notification-service tells a person promoted from the waitlist that they have a seat, and tells
 * everyone registered or waiting when the activity changes or is cancelled.
 *
 * @param registrationId  {@code <activityId>|<studentNumber>} (the event's key)
 * @param activityId      the activity
 * @param activityTitle   its title, for the notice
 * @param activityStart   when it starts
 * @param studentNumber   the person
 * @param status          {@code registered} (holds a seat), {@code waitlisted} or {@code cancelled}
 * @param waitNumber      the place in the waitlist's order while waitlisted, else null
 * @param change          {@code registered}, {@code waitlisted}, {@code promoted} (from the waitlist to a seat)
 *                        or {@code cancelled}
 */
public record RegistrationChanged(String registrationId, String activityId, String activityTitle, Instant activityStart,
                                  String studentNumber, String status, Long waitNumber, String change) {

    public static final String REGISTERED = "registered";
    public static final String WAITLISTED = "waitlisted";
    public static final String PROMOTED = "promoted";
    public static final String CANCELLED = "cancelled";
}
