package org.federation.event.registration.domain;

import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/** Where people's places at activities are kept; each change of a place is stored with its event in one write. */
public interface Registrations {

    Optional<Registration> find(String id);

    /** Stores a first registration with its event; false if one with its id exists already (a concurrent twin). */
    boolean create(Decision<Registration> placing);

    /**
     * Lets {@code decide} work on the current registration (again on fresh state after a concurrent
     * update) and stores its decision; empty if there is no such registration.
     */
    Optional<Decision<Registration>> change(String id, Function<Registration, Decision<Registration>> decide);

    /** An activity's registrations, or those in one status, newest first. */
    PageOf<Registration> newestFirst(String activityId, String status, int page, int size);

    /** How many people hold a seat at the activity. */
    long countRegistered(String activityId);

    /** The activity's registration changed most recently. */
    Optional<Registration> lastChanged(String activityId);

    /** The first person on the activity's waitlist (lowest wait number). */
    Optional<Registration> firstWaitlisted(String activityId);

    /** Whether this person holds a seat at the activity. */
    boolean isRegistered(String activityId, String person);
}
