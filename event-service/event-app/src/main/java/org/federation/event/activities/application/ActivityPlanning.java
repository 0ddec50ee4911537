package org.federation.event.activities.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.event.EventResources;
import org.federation.platform.security.Remit;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.federation.event.activities.domain.Activities;
import org.federation.event.activities.domain.Activity;
import org.federation.event.activities.domain.VenueSchedule;
import org.federation.event.activities.domain.VenueSchedules;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.clubs.domain.OrganisingClub;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Activities from proposal to approval: who may propose, confirm, review, change and cancel, the
 * minimum lead time, and the venue rule (no two approved activities in one venue at overlapping
 * times, enforced on the venue's own document before the activity is marked approved).
 */
@Service
public class ActivityPlanning {

    /** Departments that may run a federation programme. */
    public static final Set<String> DEPARTMENTS = Set.of("organization", "finance", "evaluation", "publicity",
            "external-relations", "office");
    static final String REVIEWER = "organization";
    static final String ACTIVE = "active";

    private static final Logger log = LoggerFactory.getLogger(ActivityPlanning.class);

    private final Activities activities;
    private final VenueSchedules venues;
    private final ClubDirectory clubs;
    private final BusinessClock clock;
    private final Duration minimumLeadTime;

    public ActivityPlanning(Activities activities, VenueSchedules venues, ClubDirectory clubs, BusinessClock clock,
                            @Value("${federation.activities.minimum-lead-time:P7D}") Duration minimumLeadTime) {
        this.activities = activities;
        this.venues = venues;
        this.clubs = clubs;
        this.clock = clock;
        this.minimumLeadTime = minimumLeadTime;
    }

    /**
     * A club leader proposes for the clubs named (their own first among them; every one active and
     * registered), or a department's member proposes a programme ({@code department} given, no clubs
     * required, though clubs may co-organise and then confirm like a joint activity).
     */
    public Activity propose(Activity.Plan plan, List<String> clubIds, String department, Caller caller) {
        List<String> organisers = clubIds == null ? List.of() : clubIds.stream().distinct().toList();
        List<OrganisingClub> organising = organisers.stream().map(this::club).toList();
        String proposerClub = null;
        if (department != null) {
            if (!DEPARTMENTS.contains(department)) {
                throw new RuleViolationException("department", "department is one of " + DEPARTMENTS);
            }
            if (!caller.actsFor(department)) {
                throw new ForbiddenException("a programme of the " + department + " department is proposed by its members"
                        + " or the presidium");
            }
        } else {
            if (organising.isEmpty()) {
                throw new RuleViolationException("clubs", "name the organising clubs, or a department for a programme");
            }
            proposerClub = organising.stream().filter(c -> led(c, caller)).map(OrganisingClub::id).findFirst()
                    .orElseThrow(() -> new ForbiddenException("an activity is proposed by a leader of one of its"
                            + " organising clubs"));
        }
        for (OrganisingClub club : organising) {
            if (!ACTIVE.equals(club.state())) {
                throw new RuleViolationException("clubs", "club " + club.id() + " is " + club.state()
                        + "; only active, registered clubs organise activities");
            }
        }
        String category = organising.isEmpty() ? "federation" : organising.get(0).category();
        Decision<Activity> proposed = Activity.propose("act-" + UUID.randomUUID(), plan, organisers, proposerClub,
                department, category, caller.subject(), clock.instant(), minimumLeadTime);
        activities.add(proposed);
        return proposed.state();
    }

    /** A co-organising club's leader confirms a joint activity for their club. */
    public Activity confirm(String id, String clubId, Caller caller) {
        Activity activity = get(id);
        if (clubId != null && !activity.organiserClubIds().contains(clubId)) {
            throw new RuleViolationException("clubId", "club " + clubId + " does not organise " + id);
        }
        if (!Activity.AWAITING_CONFIRMATION.equals(activity.state())) {
            throw new IllegalTransitionException("confirming activity " + id, activity.state(), activity.allowedActions());
        }
        List<String> ledByCaller = (clubId != null ? List.of(clubId) : activity.organiserClubIds()).stream()
                .filter(c -> led(club(c), caller)).toList();
        if (ledByCaller.isEmpty()) {
            throw new ForbiddenException("a joint activity is confirmed by a leader of each co-organising club");
        }
        // The caller does lead an organiser: if their clubs have all confirmed, the request is
        // a state question (already confirmed, 409 naming it), not a question of rights.
        String club = ledByCaller.stream().filter(c -> !activity.confirmedClubIds().contains(c)).findFirst()
                .orElseThrow(() -> new IllegalTransitionException("confirming activity " + id + " (club "
                        + String.join(", ", ledByCaller) + " has already confirmed it; waiting for "
                        + activity.organiserClubIds().stream().filter(c -> !activity.confirmedClubIds().contains(c))
                                .collect(java.util.stream.Collectors.joining(", ")) + ")",
                        activity.state(), activity.allowedActions()));
        return activities.change(id, a -> a.confirm(club)).state();
    }

    /** The Organization Department (or the presidium) approves: the venue is booked, then the activity published. */
    public Activity approve(String id, Caller caller) {
        requireReviewer(caller, "approving activities");
        Activity activity = get(id);
        activity.approve(caller.subject()); // refuses a wrong state before the venue is touched
        VenueSchedule.Booking booking = booking(activity);
        venues.book(activity.venue(), booking);
        try {
            return activities.change(id, a -> a.approve(caller.subject())).state();
        } catch (RuntimeException e) {
            undoBooking(activity.venue(), booking, e);
            throw e;
        }
    }

    /**
     * After a change that booked {@code tried} in {@code venue} failed: the venues are made to hold what
     * the activity needs as it is now, not as this change read it. Someone may have changed it meanwhile
     * (a second reviewer approved it, an organiser moved it: this change was then refused, and theirs
     * booked the same activity), so an approved activity keeps, or gets back, the booking of its own
     * venue and times, and the booking tried is given back unless it is that one. If the store is away,
     * the repair sweep finishes it ({@link #repairVenues}).
     */
    private void undoBooking(String venue, VenueSchedule.Booking tried, RuntimeException failure) {
        try {
            Activity now = activities.find(tried.activityId()).orElse(null);
            boolean approved = now != null && now.isPublished();
            if (approved) {
                venues.book(now.venue(), booking(now)); // replaces the one tried if it is in the same venue
            }
            if (!approved || !VenueSchedule.keyOf(now.venue()).equals(VenueSchedule.keyOf(venue))) {
                venues.releaseExactly(venue, tried);
            }
        } catch (RuntimeException undoFailed) {
            failure.addSuppressed(undoFailed);
        }
    }

    public Activity returnWith(String id, List<String> reasons, Caller caller) {
        requireReviewer(caller, "returning proposals");
        return activities.change(id, a -> a.returnWith(reasons, caller.subject())).state();
    }

    /**
     * The organisers (a leader of an organising club, or the organising department) edit a returned
     * proposal and send it for review again; 409 from any other state (whoever asks).
     */
    public Activity resubmit(String id, Activity.Edit edit, Caller caller) {
        Activity activity = get(id);
        if (!Activity.RETURNED.equals(activity.state())) {
            throw new IllegalTransitionException("resubmitting activity " + id, activity.state(), activity.allowedActions());
        }
        boolean organiser = ledByCaller(activity, caller)
                || (activity.organisingDepartment() != null && caller.actsFor(activity.organisingDepartment()));
        if (!organiser) {
            throw new ForbiddenException("a returned proposal is resubmitted by its organisers");
        }
        return activities.change(id, a -> a.resubmit(edit, caller.subject(), clock.instant(), minimumLeadTime)).state();
    }

    /** New time or venue of an approved activity: booked first (409 on a clash), the old slot released after. */
    public Activity reschedule(String id, java.time.Instant start, java.time.Instant end, String venue, Caller caller) {
        Activity activity = get(id);
        requireOrganiser(activity, caller, "changing an activity");
        Activity next = activity.reschedule(start, end, venue, caller.subject(), clock.instant(), minimumLeadTime).state();
        VenueSchedule.Booking tried = booking(next);
        venues.book(venue, tried);
        Activity changed;
        try {
            changed = activities.change(id, a -> a.reschedule(start, end, venue, caller.subject(), clock.instant(),
                    minimumLeadTime)).state();
        } catch (RuntimeException e) {
            undoBooking(venue, tried, e);
            throw e;
        }
        if (!VenueSchedule.keyOf(venue).equals(VenueSchedule.keyOf(activity.venue()))) {
            venues.release(activity.venue(), id);
        }
        return changed;
    }

    public Activity cancel(String id, String reason, Caller caller) {
        Activity activity = get(id);
        requireOrganiser(activity, caller, "cancelling an activity");
        if (!activity.isOpen() && !Activity.RETURNED.equals(activity.state())) {
            throw new IllegalTransitionException("cancelling activity " + id,
                    activity.state(), activity.allowedActions());
        }
        Activity cancelled = activities.change(id, a -> a.cancel(reason, caller.subject())).state();
        venues.release(activity.venue(), id);
        return cancelled;
    }

    /**
     * A club was dissolved: its upcoming activities are cancelled, or, when other clubs co-organise,
     * go on without it. Repeating this changes nothing.
     */
    public void clubDissolved(String clubId) {
        for (Activity activity : activities.upcomingOrganisedBy(clubId, clock.instant())) {
            if (activity.organiserClubIds().size() == 1 && activity.organisingDepartment() == null) {
                activities.change(activity.id(), a -> a.cancel("club " + clubId + " was dissolved", DomainEvent.SYSTEM));
                venues.release(activity.venue(), activity.id());
            } else {
                activities.change(activity.id(), a -> a.withoutClub(clubId));
            }
            log.info("Activity {} followed the dissolution of club {}", activity.id(), clubId);
        }
    }

    /** A club merged into {@code successorId}: its upcoming activities pass to the successor. */
    public void clubMerged(String clubId, String successorId) {
        for (Activity activity : activities.upcomingOrganisedBy(clubId, clock.instant())) {
            activities.change(activity.id(), a -> a.handOver(clubId, successorId));
        }
    }

    public Activity get(String id) {
        return activities.find(id).orElseThrow(() -> new ResourceNotFoundException("activity", id));
    }

    /** The Organization and Evaluation Departments, the presidium, the organisers' liaison officers, the proposer, and the organising clubs' leaders and members see a proposal. */
    public Activity read(String id, Caller caller) {
        Activity activity = get(id);
        boolean insider = caller.is(activity.proposedBy()) || activity.organiserClubIds().stream()
                .map(clubs::find).flatMap(java.util.Optional::stream).anyMatch(c -> c.includes(caller.subject()));
        Remit.requireReadsClubs(caller, EventResources.ACTIVITIES, insider, liaisonOfficers(activity), "activity " + id);
        return activity;
    }

    /** The liaison officers of the activity's organising clubs, as the club facts name them. */
    public List<String> liaisonOfficers(Activity activity) {
        return activity.organiserClubIds().stream().map(clubs::find).flatMap(java.util.Optional::stream)
                .map(OrganisingClub::liaisonOfficer).filter(java.util.Objects::nonNull).toList();
    }

    /** Whether the caller reads this kind of the activity's data from the federation's side (remit, or liaison of an organiser). */
    public boolean readsFromFederation(Activity activity, String resource, Caller caller) {
        return Remit.readsClubs(caller, resource, liaisonOfficers(activity));
    }

    /** Whether the caller leads one of the activity's organising clubs. */
    public boolean ledByCaller(Activity activity, Caller caller) {
        return activity.organiserClubIds().stream().map(clubs::find).flatMap(java.util.Optional::stream)
                .anyMatch(c -> led(c, caller));
    }

    /** Whether the caller leads or belongs to one of the activity's organising clubs (per event-service's directory). */
    public boolean inOrganisingClub(Activity activity, Caller caller) {
        return activity.organiserClubIds().stream().map(clubs::find).flatMap(java.util.Optional::stream)
                .anyMatch(c -> c.includes(caller.subject()));
    }

    private void requireOrganiser(Activity activity, Caller caller, String what) {
        boolean organiser = caller.actsFor(REVIEWER)
                || (activity.organisingDepartment() != null && caller.actsFor(activity.organisingDepartment()))
                || activity.organiserClubIds().stream().map(clubs::find).flatMap(java.util.Optional::stream)
                .anyMatch(c -> led(c, caller));
        if (!organiser) {
            throw new ForbiddenException(what + " is for its organisers' leaders and the Organization Department");
        }
    }

    private static void requireReviewer(Caller caller, String what) {
        if (!caller.actsFor(REVIEWER)) {
            throw new ForbiddenException(what + " is the Organization Department's remit (or the presidium's)");
        }
    }

    private static boolean led(OrganisingClub club, Caller caller) {
        return club.leaderStudentNumbers() != null && club.leaderStudentNumbers().contains(caller.subject());
    }

    private VenueSchedule.Booking booking(Activity activity) {
        // to the millisecond, as the store keeps it: a booking read back must equal the one made (releaseExactly)
        return new VenueSchedule.Booking(activity.id(), activity.title(), activity.start(), activity.end(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /**
     * Releases bookings a crash left behind: after {@code grace}, a booking whose activity is not
     * approved (a failed approval) or is approved in another venue (a failed move) is released, and
     * one in the right venue at other times (a failed reschedule) is set back to the activity's
     * times. Each release removes exactly the booking as read, so a booking made again meanwhile
     * stays; a booking made within {@code grace} is left alone (its approval may still be running).
     *
     * @return how many bookings were released or set back
     */
    public int repairVenues(java.time.Instant now, Duration grace) {
        int repaired = 0;
        for (VenueSchedule schedule : venues.all()) {
            for (VenueSchedule.Booking booking : schedule.bookings()) {
                if (booking.bookedAt() != null && booking.bookedAt().isAfter(now.minus(grace))) {
                    continue;
                }
                Activity activity = activities.find(booking.activityId()).orElse(null);
                if (activity == null || !activity.isPublished()
                        || !VenueSchedule.keyOf(activity.venue()).equals(schedule.id())) {
                    venues.releaseExactly(schedule.venue(), booking);
                    log.warn("Released venue '{}' booked for activity {} ({})", schedule.venue(), booking.activityId(),
                            activity == null ? "unknown" : activity.state() + " at " + activity.venue());
                    repaired++;
                } else if (!activity.start().equals(booking.start()) || !activity.end().equals(booking.end())) {
                    try {
                        venues.book(activity.venue(), booking(activity));
                        log.warn("Set venue '{}' back to activity {}'s times", schedule.venue(), activity.id());
                        repaired++;
                    } catch (org.federation.platform.problem.StateConflictException clash) {
                        log.error("Activity {} holds venue '{}' at other times and its own are taken: {}", activity.id(),
                                schedule.venue(), clash.getMessage());
                    }
                }
            }
        }
        return repaired;
    }

    private OrganisingClub club(String id) {
        return clubs.find(id).orElseThrow(() -> new RuleViolationException("clubs", "club " + id + " is unknown"));
    }
}
