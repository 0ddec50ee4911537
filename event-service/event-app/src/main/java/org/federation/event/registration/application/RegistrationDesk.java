package org.federation.event.registration.application;

import org.federation.platform.domain.BusinessClock;
import java.time.Instant;
import java.util.Optional;

import org.federation.event.EventResources;
import org.federation.event.activities.application.ActivityPlanning;
import org.federation.event.activities.domain.Activity;
import org.federation.event.registration.domain.Registration;
import org.federation.event.registration.domain.Registrations;
import org.federation.event.registration.domain.Seats;
import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Registration with a capacity and a waitlist. The free seats are a counter on the activity's own
 * document ({@code seatsFree}, beside the aggregate's fields and never written by its business
 * updates), taken by a conditional decrement ({@code seatsFree > 0}), so two people can never take
 * the last seat together. A cancellation passes its seat to the first waitlisted person (a
 * conditional status change), or back to the counter if nobody waits. A sweep
 * ({@link #repairSeats}) gives back a seat a crash lost between those two steps.
 */
@Service
public class RegistrationDesk {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegistrationDesk.class);

    /** The outcome of a registration: the registration and whether this call created it. */
    public record Outcome(Registration registration, boolean created) {
    }

    /** Registrations carry their own outbox: each change of a person's place is stored with its event. */
    private final Registrations registrations;
    private final Seats seats;
    private final ActivityPlanning planning;
    private final BusinessClock clock;

    RegistrationDesk(Registrations registrations, Seats seats, ActivityPlanning planning, BusinessClock clock) {
        this.registrations = registrations;
        this.seats = seats;
        this.planning = planning;
        this.clock = clock;
    }

    public Outcome register(String activityId, Caller caller) {
        Activity activity = planning.get(activityId);
        if (!activity.isPublished()) {
            throw new StateConflictException("activity " + activityId + " is " + activity.state()
                    + "; registration opens when it is approved");
        }
        Instant now = clock.instant();
        if (!activity.start().isAfter(now)) {
            throw new StateConflictException("activity " + activityId + " has started; registration is closed");
        }
        if (activity.isMembersOnly() && !planning.inOrganisingClub(activity, caller)) {
            throw new ForbiddenException("activity " + activityId + " is for members of its organising clubs");
        }
        String id = Registration.idOf(activityId, caller.subject());
        Registration existing = registrations.find(id).orElse(null);
        if (existing != null && !Registration.CANCELLED.equals(existing.status())) {
            return new Outcome(existing, false);
        }
        boolean seat = takeSeat(activity);
        Long waitNumber = seat ? null : nextWaitNumber(activityId);
        Decision<Registration> placing = Registration.place(activity, caller.subject(), waitNumber, now);
        boolean written = existing == null ? created(placing)
                : decided(registrations.change(id, current -> current.placeAgain(activity, waitNumber, now)));
        if (!written) {
            if (seat) {
                giveBackSeat(activityId);
            }
            return new Outcome(registrations.find(id).orElse(null), false);
        }
        if (!seat && activity.capacity() != null && takeSeat(activity)) {
            // a seat came free between the full counter and this waitlisting (a cancellation found nobody waiting yet)
            if (!promote(activity, id)) {
                giveBackSeat(activityId);
            }
            return new Outcome(registrations.find(id).orElse(null), true);
        }
        return new Outcome(placing.state(), true);
    }

    /** Stores a first registration; false if the same person registering twice at once made it first. */
    private boolean created(Decision<Registration> placing) {
        return registrations.create(placing);
    }

    /** Cancels the caller's registration; a seat it held goes to the first waitlisted person. Repeats change nothing. */
    public Registration cancel(String activityId, Caller caller) {
        String id = Registration.idOf(activityId, caller.subject());
        for (int attempt = 0; attempt < 5; attempt++) {
            Registration current = registrations.find(id).orElse(null);
            if (current == null) {
                throw new ResourceNotFoundException("registration of " + caller.subject() + " for activity", activityId);
            }
            if (Registration.CANCELLED.equals(current.status())) {
                return current;
            }
            Activity activity = planning.get(activityId);
            // cancelled only from the status read, which tells whether a seat is to be passed on
            boolean done = decided(registrations.change(id, fresh -> fresh.status().equals(current.status())
                    ? fresh.cancel(activity, clock.instant()) : Decision.quietly(fresh)));
            if (done) {
                if (Registration.REGISTERED.equals(current.status())) {
                    passSeatOn(activityId);
                }
                return registrations.find(id).orElse(null);
            }
        }
        throw new StateConflictException("registration " + id + " changed meanwhile; try again");
    }

    public PageOf<Registration> list(String activityId, String status, int page, int size, Caller caller) {
        Activity activity = planning.get(activityId);
        if (!planning.readsFromFederation(activity, EventResources.ACTIVITIES, caller) && !planning.ledByCaller(activity, caller)) {
            throw new ForbiddenException("an activity's registrations are for its organisers' leaders, their liaison officers "
                    + "and the departments whose remit covers activities");
        }
        return registrations.newestFirst(activityId, status, page, size);
    }

    /**
     * Recounts the free seats of upcoming approved activities with a capacity: a crash between
     * cancelling a registration and passing its seat on loses that seat, and this gives it back
     * (to the first waitlisted person, or the counter). An activity is recounted only while quiet:
     * neither its counter ({@code seatsChangedAt}) nor any of its registrations ({@code changedAt})
     * changed within {@code quiet}, and the counter is written only if it is still exactly as read
     * (compare-and-set), so a registration or cancellation running meanwhile is never counted twice.
     *
     * @return how many activities' counters were corrected
     */
    public int repairSeats(Instant now, java.time.Duration quiet) {
        int repaired = 0;
        for (Seats.Counter activity : seats.upcoming(now)) {
            if (repairSeats(activity, now.minus(quiet))) {
                repaired++;
            }
        }
        return repaired;
    }

    private boolean repairSeats(Seats.Counter activity, Instant quietSince) {
        String id = activity.activityId();
        Instant changedAt = activity.changedAt();
        if (changedAt != null && changedAt.isAfter(quietSince)) {
            return false;
        }
        long seatsFree = activity.seatsFree();
        long registered = registrations.countRegistered(id);
        Registration latest = registrations.lastChanged(id).orElse(null);
        if (latest != null && latest.changedAt() != null && latest.changedAt().isAfter(quietSince)) {
            return false;
        }
        long expected = Math.max(0, activity.capacity() - registered);
        if (expected == seatsFree) {
            return false;
        }
        if (!seats.correct(activity, expected, clock.instant())) {
            return false; // someone registered or cancelled meanwhile: the next sweep looks again
        }
        log.warn("Activity {} had {} free seats for {} registered of {}; corrected to {}", id, seatsFree, registered,
                activity.capacity(), expected);
        while (takeSeat(id) && passSeatOn(id)) {
            // each seat freed goes to the first waitlisted person, while anyone waits
        }
        return true;
    }

    /** Passes a seat on to the first waitlisted person; true if someone took it, false if it went back to the counter. */
    private boolean passSeatOn(String activityId) {
        Activity activity = planning.get(activityId);
        while (true) {
            Registration first = registrations.firstWaitlisted(activityId).orElse(null);
            if (first == null) {
                giveBackSeat(activityId);
                return false;
            }
            if (promote(activity, first.id())) {
                return true;
            }
        }
    }

    /** Gives a waitlisted person the seat; false if they are not waitlisted any more (cancelled, or promoted by another). */
    private boolean promote(Activity activity, String registrationId) {
        return decided(registrations.change(registrationId, current -> current.promote(activity, clock.instant())));
    }

    /** Whether the place changed: every change of a place has its event, a decision that changed nothing has none. */
    private static boolean decided(Optional<Decision<Registration>> decision) {
        return decision.map(d -> !d.events().isEmpty()).orElse(false);
    }

    /** Takes a seat if one is free (always, when there is no capacity). */
    private boolean takeSeat(Activity activity) {
        if (activity.capacity() == null) {
            return true;
        }
        seats.openIfAbsent(activity.id(), activity.capacity(), clock.instant());
        return takeSeat(activity.id());
    }

    private boolean takeSeat(String activityId) {
        return seats.take(activityId, clock.instant());
    }

    private void giveBackSeat(String activityId) {
        seats.giveBack(activityId, clock.instant());
    }

    private long nextWaitNumber(String activityId) {
        return seats.nextWaitNumber(activityId);
    }
}
