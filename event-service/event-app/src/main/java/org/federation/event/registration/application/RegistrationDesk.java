package org.federation.event.registration.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.event.EventResources;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;

import org.bson.Document;
import org.federation.event.activities.application.ActivityPlanning;
import org.federation.event.activities.domain.Activity;
import org.federation.event.contracts.ActivityTopics;
import org.federation.event.registration.domain.Registration;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

    static final String REGISTRATIONS = "registrations";
    static final String ACTIVITIES = "activities";
    /** When the free-seat counter last changed, beside it on the activity's document. */
    static final String SEATS_CHANGED_AT = "seatsChangedAt";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegistrationDesk.class);

    /** The outcome of a registration: the registration and whether this call created it. */
    public record Outcome(Registration registration, boolean created) {
    }

    private final MongoTemplate mongo;
    /** Registrations carry their own outbox: each change of a person's place is stored with its event. */
    private final AggregateRepository<Registration, Registration> registrations;
    private final ActivityPlanning planning;
    private final BusinessClock clock;

    RegistrationDesk(MongoTemplate mongo, AggregateStore store, ActivityPlanning planning, BusinessClock clock) {
        this.mongo = mongo;
        this.registrations = store.repository(REGISTRATIONS, ActivityTopics.ACTIVITY_EVENTS, Registration.class);
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
        Registration existing = mongo.findById(id, Registration.class, REGISTRATIONS);
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
            return new Outcome(mongo.findById(id, Registration.class, REGISTRATIONS), false);
        }
        if (!seat && activity.capacity() != null && takeSeat(activity)) {
            // a seat came free between the full counter and this waitlisting (a cancellation found nobody waiting yet)
            if (!promote(activity, id)) {
                giveBackSeat(activityId);
            }
            return new Outcome(mongo.findById(id, Registration.class, REGISTRATIONS), true);
        }
        return new Outcome(placing.state(), true);
    }

    /** Stores a first registration; false if the same person registering twice at once made it first. */
    private boolean created(Decision<Registration> placing) {
        try {
            registrations.create(placing.state().id(), placing);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Cancels the caller's registration; a seat it held goes to the first waitlisted person. Repeats change nothing. */
    public Registration cancel(String activityId, Caller caller) {
        String id = Registration.idOf(activityId, caller.subject());
        for (int attempt = 0; attempt < 5; attempt++) {
            Registration current = mongo.findById(id, Registration.class, REGISTRATIONS);
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
                return mongo.findById(id, Registration.class, REGISTRATIONS);
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
        Criteria filter = where("activityId").is(activityId);
        if (status != null) {
            filter = filter.and("status").is(status);
        }
        return NewestFirst.page(mongo, REGISTRATIONS, Registration.class, filter, "registeredAt", page, size);
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
        Query upcoming = query(where("state").is(Activity.APPROVED).and("capacity").exists(true)
                .and("seatsFree").exists(true).and("start").gt(now));
        upcoming.fields().include("capacity", "seatsFree", SEATS_CHANGED_AT);
        int repaired = 0;
        for (Document activity : mongo.find(upcoming, Document.class, ACTIVITIES)) {
            if (repairSeats(activity, now.minus(quiet))) {
                repaired++;
            }
        }
        return repaired;
    }

    private boolean repairSeats(Document activity, Instant quietSince) {
        String id = activity.getString("_id");
        Object changedAt = activity.get(SEATS_CHANGED_AT);
        if (changedAt instanceof java.util.Date date && date.toInstant().isAfter(quietSince)) {
            return false;
        }
        long seatsFree = ((Number) activity.get("seatsFree")).longValue();
        long registered = mongo.count(query(where("activityId").is(id).and("status").is(Registration.REGISTERED)),
                REGISTRATIONS);
        Registration latest = mongo.findOne(new Query(where("activityId").is(id)).with(Sort.by(Sort.Direction.DESC,
                "changedAt")).limit(1), Registration.class, REGISTRATIONS);
        if (latest != null && latest.changedAt() != null && latest.changedAt().isAfter(quietSince)) {
            return false;
        }
        long expected = Math.max(0, ((Number) activity.get("capacity")).longValue() - registered);
        if (expected == seatsFree) {
            return false;
        }
        Criteria unchanged = where("_id").is(id).and("seatsFree").is(activity.get("seatsFree"));
        unchanged = changedAt == null ? unchanged.and(SEATS_CHANGED_AT).exists(false) : unchanged.and(SEATS_CHANGED_AT).is(changedAt);
        if (mongo.updateFirst(query(unchanged), new Update().set("seatsFree", expected)
                .set(SEATS_CHANGED_AT, clock.instant()), ACTIVITIES).getModifiedCount() != 1) {
            return false; // someone registered or cancelled meanwhile: the next sweep looks again
        }
        log.warn("Activity {} had {} free seats for {} registered of {}; corrected to {}", id, seatsFree, registered,
                activity.get("capacity"), expected);
        while (takeSeat(id) && passSeatOn(id)) {
            // each seat freed goes to the first waitlisted person, while anyone waits
        }
        return true;
    }

    /** Passes a seat on to the first waitlisted person; true if someone took it, false if it went back to the counter. */
    private boolean passSeatOn(String activityId) {
        Activity activity = planning.get(activityId);
        while (true) {
            Registration first = mongo.findOne(new Query(where("activityId").is(activityId).and("status")
                    .is(Registration.WAITLISTED)).with(Sort.by("waitNumber")).limit(1), Registration.class, REGISTRATIONS);
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
        mongo.updateFirst(query(where("_id").is(activity.id()).and("seatsFree").exists(false)),
                new Update().set("seatsFree", activity.capacity()).set(SEATS_CHANGED_AT, clock.instant()), ACTIVITIES);
        return takeSeat(activity.id());
    }

    private boolean takeSeat(String activityId) {
        return mongo.updateFirst(query(where("_id").is(activityId).and("seatsFree").gt(0)),
                new Update().inc("seatsFree", -1).set(SEATS_CHANGED_AT, clock.instant()), ACTIVITIES).getModifiedCount() == 1;
    }

    private void giveBackSeat(String activityId) {
        mongo.updateFirst(query(where("_id").is(activityId).and("seatsFree").exists(true)),
                new Update().inc("seatsFree", 1).set(SEATS_CHANGED_AT, clock.instant()), ACTIVITIES);
    }

    private long nextWaitNumber(String activityId) {
        Document counted = mongo.findAndModify(query(where("_id").is(activityId)), new Update().inc("waitCounter", 1L),
                FindAndModifyOptions.options().returnNew(true), Document.class, ACTIVITIES);
        return counted == null ? 0 : ((Number) counted.get("waitCounter")).longValue();
    }
}
