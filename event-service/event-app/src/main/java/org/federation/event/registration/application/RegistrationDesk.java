package org.federation.event.registration.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;

import org.bson.Document;
import org.federation.event.activities.application.ActivityPlanning;
import org.federation.event.activities.domain.Activity;
import org.federation.event.registration.domain.Registration;
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
 * conditional status change), or back to the counter if nobody waits.
 */
@Service
public class RegistrationDesk {

    static final String REGISTRATIONS = "registrations";
    static final String ACTIVITIES = "activities";

    /** The outcome of a registration: the registration and whether this call created it. */
    public record Outcome(Registration registration, boolean created) {
    }

    private final MongoTemplate mongo;
    private final ActivityPlanning planning;
    private final Clock clock;

    RegistrationDesk(MongoTemplate mongo, ActivityPlanning planning, Clock clock) {
        this.mongo = mongo;
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
        Registration next = seat
                ? new Registration(id, activityId, caller.subject(), Registration.REGISTERED, null, now, now)
                : new Registration(id, activityId, caller.subject(), Registration.WAITLISTED, nextWaitNumber(activityId), now, now);
        boolean written;
        if (existing == null) {
            try {
                mongo.insert(next, REGISTRATIONS);
                written = true;
            } catch (DuplicateKeyException e) {
                written = false; // the same person registering twice at once: the other call won
            }
        } else {
            written = mongo.updateFirst(query(where("_id").is(id).and("status").is(Registration.CANCELLED)),
                    new Update().set("status", next.status()).set("waitNumber", next.waitNumber())
                            .set("registeredAt", now).set("changedAt", now), REGISTRATIONS).getModifiedCount() == 1;
        }
        if (!written) {
            if (seat) {
                giveBackSeat(activityId);
            }
            return new Outcome(mongo.findById(id, Registration.class, REGISTRATIONS), false);
        }
        if (!seat && activity.capacity() != null && takeSeat(activity)) {
            // a seat came free between the full counter and this waitlisting (a cancellation found nobody waiting yet)
            if (!promote(id)) {
                giveBackSeat(activityId);
            }
            next = mongo.findById(id, Registration.class, REGISTRATIONS);
        }
        return new Outcome(next, true);
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
            boolean cancelled = mongo.updateFirst(query(where("_id").is(id).and("status").is(current.status())),
                    new Update().set("status", Registration.CANCELLED).set("changedAt", clock.instant()),
                    REGISTRATIONS).getModifiedCount() == 1;
            if (cancelled) {
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
        if (!caller.isFederationStaff() && !planning.ledByCaller(activity, caller)) {
            throw new ForbiddenException("an activity's registrations are for its organisers' leaders and the federation's staff");
        }
        Criteria filter = where("activityId").is(activityId);
        if (status != null) {
            filter = filter.and("status").is(status);
        }
        return NewestFirst.page(mongo, REGISTRATIONS, Registration.class, filter, "registeredAt", page, size);
    }

    private void passSeatOn(String activityId) {
        while (true) {
            Registration first = mongo.findOne(new Query(where("activityId").is(activityId).and("status")
                    .is(Registration.WAITLISTED)).with(Sort.by("waitNumber")).limit(1), Registration.class, REGISTRATIONS);
            if (first == null) {
                giveBackSeat(activityId);
                return;
            }
            if (promote(first.id())) {
                return;
            }
        }
    }

    private boolean promote(String registrationId) {
        return mongo.updateFirst(query(where("_id").is(registrationId).and("status").is(Registration.WAITLISTED)),
                new Update().set("status", Registration.REGISTERED).set("changedAt", clock.instant()),
                REGISTRATIONS).getModifiedCount() == 1;
    }

    /** Takes a seat if one is free (always, when there is no capacity). */
    private boolean takeSeat(Activity activity) {
        if (activity.capacity() == null) {
            return true;
        }
        mongo.updateFirst(query(where("_id").is(activity.id()).and("seatsFree").exists(false)),
                new Update().set("seatsFree", activity.capacity()), ACTIVITIES);
        return mongo.updateFirst(query(where("_id").is(activity.id()).and("seatsFree").gt(0)),
                new Update().inc("seatsFree", -1), ACTIVITIES).getModifiedCount() == 1;
    }

    private void giveBackSeat(String activityId) {
        mongo.updateFirst(query(where("_id").is(activityId).and("seatsFree").exists(true)),
                new Update().inc("seatsFree", 1), ACTIVITIES);
    }

    private long nextWaitNumber(String activityId) {
        Document counted = mongo.findAndModify(query(where("_id").is(activityId)), new Update().inc("waitCounter", 1L),
                FindAndModifyOptions.options().returnNew(true), Document.class, ACTIVITIES);
        return counted == null ? 0 : ((Number) counted.get("waitCounter")).longValue();
    }
}
