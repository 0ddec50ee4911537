package org.federation.event.checkin.application;

import org.federation.platform.domain.BusinessClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.federation.event.EventResources;

import org.federation.club.contracts.MemberCredentials;
import org.federation.event.activities.application.ActivityPlanning;
import org.federation.event.activities.domain.Activities;
import org.federation.event.activities.domain.Activity;
import org.federation.event.checkin.domain.CheckIn;
import org.federation.event.checkin.domain.CheckInWindow;
import org.federation.event.checkin.domain.CheckIns;
import org.federation.event.checkin.domain.CodeAttemptLimit;
import org.federation.event.checkin.domain.CodeAttempts;
import org.federation.event.checkin.domain.RotatingCode;
import org.federation.event.contracts.ActivityAttendance;
import org.federation.event.registration.domain.Registrations;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Check-in: an organiser scans a member credential (verified offline against the keys and
 * revocations club-service published), a person types the activity's rotating code, or an organiser
 * records a walk-in. Codes typed are limited per person and activity ({@link CodeAttemptLimit}). One check-in per person and activity, however often they scan: an insert whose
 * id is activity|person (a duplicate key means "already in"). Attendance is the number of check-ins.
 */
@Service
public class CheckInDesk {

    /** Check-in stays open this long after an activity ends (late entries of walk-ins). */
    static final Duration AFTER_END = Duration.ofHours(12);

    /** A check-in and whether this call created it. */
    public record Outcome(CheckIn checkIn, boolean created) {
    }

    /** An activity's attendance so far: the count and one page of check-ins. */
    public record Attendance(String activityId, long attendance, long walkIns, PageOf<CheckIn> checkIns) {
    }

    private final CheckIns checkIns;
    private final Registrations registrations;
    private final ActivityPlanning planning;
    private final Activities activities;
    private final CredentialVerifier credentials;
    private final RotatingCode codes;
    private final CodeAttemptLimit attemptLimit;
    private final CodeAttempts attempts;
    private final BusinessClock clock;
    private final CheckInWindow window;
    private final java.util.Map<String, Counter> counters;

    CheckInDesk(CheckIns checkIns, Registrations registrations, ActivityPlanning planning, Activities activities,
                CredentialVerifier credentials,
                BusinessClock clock, RotatingCode codes, CodeAttemptLimit attemptLimit, CodeAttempts attempts,
                @Value("${federation.activities.check-in-opens-before:PT1H}") Duration opensBefore, MeterRegistry meters) {
        // registered once, at 0 from the start, so a rate is defined before the first check-in (not looked up per scan)
        this.counters = java.util.stream.Stream.of("credential", "code", CheckIn.WALK_IN)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(method -> method, method -> checkInCounter(meters, method)));
        this.checkIns = checkIns;
        this.registrations = registrations;
        this.planning = planning;
        this.activities = activities;
        this.credentials = credentials;
        this.codes = codes;
        this.attemptLimit = attemptLimit;
        this.attempts = attempts;
        this.clock = clock;
        this.window = new CheckInWindow(opensBefore, AFTER_END);
    }

    public Outcome byCredential(String activityId, String credential, Caller caller) {
        Activity activity = open(activityId);
        requireScanner(activity, caller);
        MemberCredentials.Verification verification = credentials.verify(credential, clock.instant());
        if (!verification.valid()) {
            throw new RuleViolationException("credential", verification.problem() + ": " + verification.detail());
        }
        MemberCredentials.Holder holder = verification.holder();
        if (activity.isMembersOnly() && !activity.organiserClubIds().contains(holder.clubId())) {
            throw new RuleViolationException("credential", "a credential of club " + holder.clubId()
                    + "; this activity is for members of " + activity.organiserClubIds());
        }
        return record(activity, holder.studentNumber(), "credential", holder.clubId(), caller);
    }

    public Outcome byCode(String activityId, String code, Caller caller) {
        Activity activity = open(activityId);
        if (activity.isMembersOnly() && !planning.inOrganisingClub(activity, caller)) {
            throw new ForbiddenException("activity " + activityId + " is for members of its organising clubs");
        }
        Instant now = clock.instant();
        // counted before the code is looked at: during a lock the right code is refused like any other
        CodeAttempts.Counted attempt = attempts.count(activityId, caller.subject(), attemptLimit, now);
        attemptLimit.requireAllowed(activityId, attempt.attempt(), attempt.windowStart(), now);
        if (!codes.accepts(activityId, code, now)) {
            throw new RuleViolationException("code", "not the activity's current check-in code");
        }
        attempts.giveBack(activityId, caller.subject());
        return record(activity, caller.subject(), "code", null, caller);
    }

    public Outcome walkIn(String activityId, String studentNumber, Caller caller) {
        Activity activity = open(activityId);
        requireScanner(activity, caller);
        return record(activity, studentNumber, CheckIn.WALK_IN, null, caller);
    }

    public RotatingCode.Shown code(String activityId, Caller caller) {
        Activity activity = open(activityId);
        requireScanner(activity, caller);
        return codes.current(activityId, clock.instant());
    }

    public Attendance attendance(String activityId, int page, int size, Caller caller) {
        Activity activity = planning.get(activityId);
        requireReader(activity, caller);
        return new Attendance(activityId, checkIns.count(activityId), checkIns.countWalkIns(activityId),
                checkIns.newestFirst(activityId, page, size));
    }

    /** Publishes the attendance (distinct people checked in) on {@code activity.events}. */
    public ActivityAttendance publishAttendance(String activityId, Caller caller) {
        requireScanner(planning.get(activityId), caller);
        List<CheckIn> checkedIn = checkIns.peopleAndWalkIns(activityId);
        List<String> attendees = checkedIn.stream().map(CheckIn::person).sorted().toList();
        int walkIns = (int) checkedIn.stream().filter(CheckIn::walkIn).count();
        return activities.change(activityId, a -> a.publishAttendance(attendees, walkIns, caller.subject())).state()
                .attendance(attendees, walkIns);
    }

    private Outcome record(Activity activity, String person, String method, String clubId, Caller caller) {
        String id = CheckIn.idOf(activity.id(), person);
        CheckIn existing = checkIns.find(id).orElse(null);
        if (existing != null) {
            return new Outcome(existing, false);
        }
        boolean registered = registrations.isRegistered(activity.id(), person);
        CheckIn checkIn = CheckIn.of(activity.id(), person, method, registered, clubId, clock.instant(), caller.subject());
        if (!checkIns.add(checkIn)) {
            return new Outcome(checkIns.find(id).orElse(null), false); // a concurrent scan of the same person won
        }
        // counted where it was written, once per person and activity (a repeat scan or a race loser is not)
        counters.get(method).increment();
        return new Outcome(checkIn, true);
    }

    private static Counter checkInCounter(MeterRegistry meters, String method) {
        return Counter.builder("federation.check-ins").description("people checked in at activities, by how")
                .tag("method", method).register(meters);
    }

    private Activity open(String activityId) {
        Activity activity = planning.get(activityId);
        if (!activity.isPublished()) {
            throw new StateConflictException("activity " + activityId + " is " + activity.state() + "; check-in is for approved activities");
        }
        window.requireOpen(activityId, activity.start(), activity.end(), clock.instant());
        return activity;
    }

    private void requireScanner(Activity activity, Caller caller) {
        boolean organiser = caller.actsFor("organization") || planning.ledByCaller(activity, caller)
                || (activity.organisingDepartment() != null && caller.actsFor(activity.organisingDepartment()));
        if (!organiser) {
            throw new ForbiddenException("check-in is run by the activity's organisers' leaders and the Organization Department");
        }
    }

    private void requireReader(Activity activity, Caller caller) {
        if (!planning.readsFromFederation(activity, EventResources.ACTIVITIES, caller) && !planning.ledByCaller(activity, caller)) {
            throw new ForbiddenException("an activity's attendance is for its organisers' leaders, their liaison officers "
                    + "and the departments whose remit covers activities");
        }
    }
}
