package org.federation.event.registration.domain;

import java.time.Instant;

import org.federation.event.activities.domain.Activity;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.RegistrationChanged;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;

/**
 * One person's place at an activity: {@code registered} (holds a seat), {@code waitlisted} (in
 * order of {@code waitNumber}) or {@code cancelled}. Id = activity id + "|" + person, so a person
 * has one registration per activity however often they ask. Every change of the place is a
 * {@code registration-changed} event, carrying what a notice about it needs (the activity's title
 * and start).
 */
public record Registration(String id, String activityId, String person, String status, Long waitNumber,
                           Instant registeredAt, Instant changedAt) {

    public static final String REGISTERED = "registered";
    public static final String WAITLISTED = "waitlisted";
    public static final String CANCELLED = "cancelled";

    public static String idOf(String activityId, String person) {
        return activityId + "|" + person;
    }

    /**
     * The person registers themselves: with a seat when {@code waitNumber} is null, otherwise on the
     * waitlist with that number.
     */
    public static Decision<Registration> place(Activity activity, String person, Long waitNumber, Instant now) {
        Registration placed = new Registration(idOf(activity.id(), person), activity.id(), person,
                waitNumber == null ? REGISTERED : WAITLISTED, waitNumber, now, now);
        return Decision.of(placed, placed.changed(activity, placed.status, person));
    }

    /** The person registers again after cancelling; a place they still hold stays as it is. */
    public Decision<Registration> placeAgain(Activity activity, Long waitNumber, Instant now) {
        return CANCELLED.equals(status) ? place(activity, person, waitNumber, now) : Decision.quietly(this);
    }

    /** The person gave up their place (a seat they held passes to the waitlist); a repeat changes nothing. */
    public Decision<Registration> cancel(Activity activity, Instant now) {
        if (CANCELLED.equals(status)) {
            return Decision.quietly(this);
        }
        Registration cancelled = new Registration(id, activityId, person, CANCELLED, null, registeredAt, now);
        return Decision.of(cancelled, cancelled.changed(activity, RegistrationChanged.CANCELLED, person));
    }

    /**
     * A waitlisted person takes a seat that came free: nobody asked in person, so the actor is
     * {@link DomainEvent#SYSTEM}. Anyone not waitlisted (cancelled, or promoted already) stays as is.
     */
    public Decision<Registration> promote(Activity activity, Instant now) {
        if (!WAITLISTED.equals(status)) {
            return Decision.quietly(this);
        }
        Registration promoted = new Registration(id, activityId, person, REGISTERED, null, registeredAt, now);
        return Decision.of(promoted, promoted.changed(activity, RegistrationChanged.PROMOTED, DomainEvent.SYSTEM));
    }

    private DomainEvent changed(Activity activity, String change, String actor) {
        return new DomainEvent(ActivityEventTypes.REGISTRATION_CHANGED, actor, new RegistrationChanged(id, activityId,
                activity.title(), activity.start(), person, status, waitNumber, change));
    }
}
