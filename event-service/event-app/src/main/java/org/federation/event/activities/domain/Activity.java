package org.federation.event.activities.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.federation.event.contracts.ActivityAttendance;
import org.federation.event.contracts.ActivityCancelled;
import org.federation.event.contracts.ActivityChanged;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.ActivityProposed;
import org.federation.event.contracts.ActivityPublished;
import org.federation.event.contracts.ActivityReportOverdue;
import org.federation.event.contracts.ActivityReportSubmitted;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.event.contracts.BudgetRequested;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;

/**
 * An activity from proposal to approval: a club's own, a joint activity of several clubs (it goes
 * ahead only when every co-organising club's leader has confirmed), or a department's programme.
 * The federation approves or returns it; once approved it is published, and later changes of time
 * or venue and its cancellation are published too. Each command returns a {@link Decision}: the
 * activity after it and the events it caused, with who caused them. Nothing is published before
 * approval, so the public and other services never see a proposal.
 */
public record Activity(String id, String title, String kind, String description, Instant start, Instant end,
                       String venue, String audience, int expectedSize, Integer capacity, List<String> organiserClubIds,
                       String organisingDepartment, String category, String state, List<String> confirmedClubIds,
                       List<String> returnReasons, String cancellationReason, String proposedBy, Instant proposedAt,
                       String decidedBy, String reportState, List<Resubmission> resubmissions,
                       BudgetRequest budgetRequest) {

    public static final String AWAITING_CONFIRMATION = "awaiting-confirmation";
    public static final String PROPOSED = "proposed";
    public static final String APPROVED = "approved";
    public static final String RETURNED = "returned";
    public static final String CANCELLED = "cancelled";
    public static final Set<String> AUDIENCES = Set.of("public", "members", "invited");

    public Activity {
        organiserClubIds = organiserClubIds == null ? List.of() : List.copyOf(organiserClubIds);
        confirmedClubIds = confirmedClubIds == null ? List.of() : List.copyOf(confirmedClubIds);
        returnReasons = returnReasons == null ? List.of() : List.copyOf(returnReasons);
        resubmissions = resubmissions == null ? List.of() : List.copyOf(resubmissions);
    }

    /** An activity that was never returned and resubmitted, without a budget request. */
    public Activity(String id, String title, String kind, String description, Instant start, Instant end, String venue,
                    String audience, int expectedSize, Integer capacity, List<String> organiserClubIds,
                    String organisingDepartment, String category, String state, List<String> confirmedClubIds,
                    List<String> returnReasons, String cancellationReason, String proposedBy, Instant proposedAt,
                    String decidedBy, String reportState) {
        this(id, title, kind, description, start, end, venue, audience, expectedSize, capacity, organiserClubIds,
                organisingDepartment, category, state, confirmedClubIds, returnReasons, cancellationReason, proposedBy,
                proposedAt, decidedBy, reportState, List.of(), null);
    }

    /**
     * A returned proposal sent for review again: the reasons it was returned with, who returned it, and
     * who resubmitted it when; the history of the review, oldest first.
     */
    public record Resubmission(List<String> returnReasons, String returnedBy, String resubmittedBy, Instant resubmittedAt) {
    }

    /**
     * The budget request accompanying the proposal (at most one), kept in the activity's own document
     * so that it is stored in the same write as its {@code budget-requested} event.
     */
    public record BudgetRequest(long amountFen, List<BudgetRequested.BudgetItem> items, String requestedBy,
                                Instant requestedAt, String payingClubId) {

        public BudgetRequest {
            items = List.copyOf(items);
        }

        public BudgetRequest(long amountFen, List<BudgetRequested.BudgetItem> items, String requestedBy, Instant requestedAt) {
            this(amountFen, items, requestedBy, requestedAt, null);
        }
    }

    /**
     * The club whose account pays for the activity: the one the budget request named (a joint activity's organisers
     * choose), otherwise the first organiser; null for a department's programme.
     */
    public String payingClubId() {
        if (budgetRequest != null && budgetRequest.payingClubId() != null) {
            return budgetRequest.payingClubId();
        }
        return organiserClubIds.isEmpty() ? null : organiserClubIds.get(0);
    }

    /**
     * The organisers ask for a budget with the proposal: while it awaits confirmation or review, once.
     * Finance-service decides on the {@code budget-requested} event, asked by {@code request.requestedBy()}.
     */
    public Decision<Activity> requestBudget(BudgetRequest request) {
        if (!AWAITING_CONFIRMATION.equals(state) && !PROPOSED.equals(state)) {
            throw new IllegalTransitionException("requesting a budget for activity " + id, state, allowedActions());
        }
        if (budgetRequest != null) {
            throw new StateConflictException("activity " + id + " already has a budget request");
        }
        if (request.payingClubId() != null && !organiserClubIds.contains(request.payingClubId())) {
            throw new RuleViolationException("payingClubId", "the activity is paid from one of its organising clubs' accounts: "
                    + String.join(", ", organiserClubIds));
        }
        Activity requested = new Activity(id, title, kind, description, start, end, venue, audience, expectedSize, capacity,
                organiserClubIds, organisingDepartment, category, state, confirmedClubIds, returnReasons,
                cancellationReason, proposedBy, proposedAt, decidedBy, reportState, resubmissions, request);
        // a club's activity is paid by the organising club its request names (the first by default), a programme by its
        // department; every organising club's leaders act on the budget
        String clubId = requested.payingClubId();
        return Decision.of(requested, new DomainEvent(ActivityEventTypes.BUDGET_REQUESTED, request.requestedBy(),
                new BudgetRequested(id, title, clubId, clubId == null ? organisingDepartment : null, request.amountFen(),
                        description, request.items(), request.requestedBy(),
                        organiserClubIds.isEmpty() ? null : organiserClubIds)));
    }

    /** What the organisers change when they resubmit a returned proposal; null keeps the current value. */
    public record Edit(String title, String kind, String description, Instant start, Instant end, String venue,
                       String audience, Integer expectedSize, Integer capacity) {

        public static Edit none() {
            return new Edit(null, null, null, null, null, null, null, null, null);
        }
    }

    /** What is proposed: the same for a club's activity and a department's programme. */
    public record Plan(String title, String kind, String description, Instant start, Instant end, String venue,
                       String audience, int expectedSize, Integer capacity) {
    }

    /**
     * A proposal. {@code proposerClubId} is the club the proposer leads among {@code organiserClubIds}
     * (it counts as confirmed), or null for a department's programme. A proposal is not published:
     * its event ({@code activity.proposed}) is for the federation's review queue, not an announcement.
     */
    public static Decision<Activity> propose(String id, Plan plan, List<String> organiserClubIds, String proposerClubId,
                                   String department, String category, String proposedBy, Instant now,
                                   Duration minimumLeadTime) {
        requireTimes(plan.start(), plan.end(), now, minimumLeadTime);
        requirePlan(plan);
        List<String> clubs = List.copyOf(new LinkedHashSet<>(organiserClubIds));
        List<String> confirmed = proposerClubId == null ? List.of() : List.of(proposerClubId);
        boolean everyoneConfirmed = confirmed.containsAll(clubs);
        Activity proposed = new Activity(id, plan.title(), plan.kind(), plan.description(), plan.start(), plan.end(),
                plan.venue(), plan.audience(), plan.expectedSize(), plan.capacity(), clubs, department, category,
                everyoneConfirmed ? PROPOSED : AWAITING_CONFIRMATION, confirmed, List.of(), null, proposedBy, now, null, null);
        // for the Organization Department's review queue; still not public (published comes on approval)
        return Decision.of(proposed, new DomainEvent(ActivityEventTypes.PROPOSED, proposedBy,
                new ActivityProposed(proposed.snapshot(), proposedBy)));
    }

    /** A co-organising club's leader confirms a joint activity; the last confirmation sends it for review. */
    public Decision<Activity> confirm(String clubId) {
        require(AWAITING_CONFIRMATION, "confirming");
        if (!organiserClubIds.contains(clubId)) {
            throw new RuleViolationException("clubId", "club " + clubId + " does not organise " + id);
        }
        if (confirmedClubIds.contains(clubId)) {
            return Decision.quietly(this);
        }
        List<String> confirmed = new ArrayList<>(confirmedClubIds);
        confirmed.add(clubId);
        String next = confirmed.containsAll(organiserClubIds) ? PROPOSED : AWAITING_CONFIRMATION;
        return Decision.quietly(with(next, confirmed, returnReasons, cancellationReason, decidedBy));
    }

    /** The federation approves: from now on the activity is public, and so are its later changes. */
    public Decision<Activity> approve(String by) {
        require(PROPOSED, "approving");
        Activity approved = with(APPROVED, confirmedClubIds, List.of(), null, by);
        return Decision.of(approved, new DomainEvent(ActivityEventTypes.PUBLISHED, by,
                new ActivityPublished(approved.snapshot())));
    }

    /** The federation returns a proposal with its reasons; it was never published, so nobody else hears of it. */
    public Decision<Activity> returnWith(List<String> reasons, String by) {
        require(PROPOSED, "returning");
        return Decision.quietly(with(RETURNED, confirmedClubIds, reasons, null, by));
    }

    /**
     * The organisers edit a returned proposal and send it for review again ({@code returned} →
     * {@code proposed}); the reasons it was returned with move into {@link #resubmissions}. The
     * co-organisers' confirmations stand. The time must again respect the minimum lead time.
     */
    public Decision<Activity> resubmit(Edit edit, String by, Instant now, Duration minimumLeadTime) {
        require(RETURNED, "resubmitting");
        Plan plan = new Plan(or(edit.title(), title), or(edit.kind(), kind), or(edit.description(), description),
                or(edit.start(), start), or(edit.end(), end), or(edit.venue(), venue), or(edit.audience(), audience),
                or(edit.expectedSize(), expectedSize), edit.capacity() != null ? edit.capacity() : capacity);
        requireTimes(plan.start(), plan.end(), now, minimumLeadTime);
        requirePlan(plan);
        List<Resubmission> history = new ArrayList<>(resubmissions);
        history.add(new Resubmission(returnReasons, decidedBy, by, now));
        return Decision.quietly(new Activity(id, plan.title(), plan.kind(), plan.description(), plan.start(), plan.end(),
                plan.venue(), plan.audience(), plan.expectedSize(), plan.capacity(), organiserClubIds, organisingDepartment,
                category, PROPOSED, confirmedClubIds, List.of(), cancellationReason, proposedBy, proposedAt, null,
                reportState, history, budgetRequest));
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }

    /** New time or venue for an approved activity (the venue is checked for conflicts by the caller). */
    public Decision<Activity> reschedule(Instant newStart, Instant newEnd, String newVenue, String by, Instant now,
                                         Duration minimumLeadTime) {
        require(APPROVED, "changing time or venue");
        requireTimes(newStart, newEnd, now, minimumLeadTime);
        return announcingChange(new Activity(id, title, kind, description, newStart, newEnd, newVenue, audience,
                expectedSize, capacity, organiserClubIds, organisingDepartment, category, state, confirmedClubIds,
                returnReasons, cancellationReason, proposedBy, proposedAt, decidedBy, reportState, resubmissions,
                budgetRequest), "time or venue changed: " + newStart + " to " + newEnd + " at " + newVenue, by);
    }

    /** Cancelled by {@code by} (an organiser, or {@link DomainEvent#SYSTEM} when its club ends); a repeat changes nothing. */
    public Decision<Activity> cancel(String reason, String by) {
        if (CANCELLED.equals(state)) {
            return Decision.quietly(this);
        }
        Activity cancelled = with(CANCELLED, confirmedClubIds, returnReasons, reason, decidedBy);
        // only a published activity's cancellation is news: nobody outside knew of a proposal
        return isPublished() ? Decision.of(cancelled, new DomainEvent(ActivityEventTypes.CANCELLED, by,
                new ActivityCancelled(cancelled.snapshot(), reason))) : Decision.quietly(cancelled);
    }

    /** A merged-away club's part passes to its successor: club-service's merger, not a person, causes it. */
    public Decision<Activity> handOver(String fromClub, String successor) {
        List<String> clubs = replace(organiserClubIds, fromClub, successor);
        List<String> confirmed = replace(confirmedClubIds, fromClub, successor);
        return announcingChange(new Activity(id, title, kind, description, start, end, venue, audience, expectedSize,
                capacity, clubs, organisingDepartment, category, state, confirmed, returnReasons, cancellationReason,
                proposedBy, proposedAt, decidedBy, reportState, resubmissions, budgetRequest),
                "club " + fromClub + " merged; organised by " + successor, DomainEvent.SYSTEM);
    }

    /** A dissolved club leaves a joint activity; the others go on. Club-service's dissolution causes it. */
    public Decision<Activity> withoutClub(String clubId) {
        List<String> clubs = organiserClubIds.stream().filter(c -> !c.equals(clubId)).toList();
        List<String> confirmed = confirmedClubIds.stream().filter(c -> !c.equals(clubId)).toList();
        Activity next = new Activity(id, title, kind, description, start, end, venue, audience, expectedSize, capacity, clubs,
                organisingDepartment, category, state, confirmed, returnReasons, cancellationReason, proposedBy,
                proposedAt, decidedBy, reportState, resubmissions, budgetRequest);
        return announcingChange(AWAITING_CONFIRMATION.equals(state) && confirmed.containsAll(clubs)
                        ? next.with(PROPOSED, confirmed, returnReasons, cancellationReason, decidedBy) : next,
                "club " + clubId + " was dissolved and no longer co-organises", DomainEvent.SYSTEM);
    }

    /**
     * {@code next}, announced as {@code changed} when the public sees a difference: the activity is
     * published and its snapshot (time, venue, organisers, ...) moved. Other changes are internal.
     */
    private Decision<Activity> announcingChange(Activity next, String change, String by) {
        if (!isPublished() || next.snapshot().equals(snapshot())) {
            return Decision.quietly(next);
        }
        return Decision.of(next, new DomainEvent(ActivityEventTypes.CHANGED, by, new ActivityChanged(next.snapshot(), change)));
    }

    /**
     * The organisers publish the attendance of an approved activity (distinct people checked in);
     * the activity itself stays as it is, the event goes into its outbox with the next sequence.
     */
    public Decision<Activity> publishAttendance(List<String> attendees, int walkIns, String by) {
        if (!isPublished()) {
            throw new StateConflictException("activity " + id + " is " + state + "; only an approved "
                    + "activity's attendance is published");
        }
        return Decision.of(this, new DomainEvent(ActivityEventTypes.ATTENDANCE_PUBLISHED, by, attendance(attendees, walkIns)));
    }

    /** The attendance as published: how many people, how many of them walk-ins, and who. */
    public ActivityAttendance attendance(List<String> attendees, int walkIns) {
        return new ActivityAttendance(snapshot(), attendees.size(), walkIns, attendees);
    }

    /** Whether {@code person} may register: anyone for a public or invited activity, organising clubs' people for members only. */
    public boolean isMembersOnly() {
        return "members".equals(audience);
    }

    public static final String REPORT_OVERDUE = "overdue";
    public static final String REPORT_SUBMITTED = "submitted";

    /**
     * The summary report, due {@code dueAfter} the end, is overdue: marked once, so one event however
     * many sweeps see it. The sweep, not a person, causes it.
     */
    public Decision<Activity> reportOverdue(Duration dueAfter) {
        if (reportState != null) {
            return Decision.quietly(this);
        }
        Activity overdue = withReport(REPORT_OVERDUE);
        return Decision.of(overdue, new DomainEvent(ActivityEventTypes.REPORT_OVERDUE, DomainEvent.SYSTEM,
                new ActivityReportOverdue(overdue.snapshot(), end.plus(dueAfter))));
    }

    /**
     * The organisers submitted the summary report ({@code by} is who). It is announced once: a report
     * submitted again replaces the stored text but is no news.
     */
    public Decision<Activity> reportSubmitted(String summary, List<String> links, long attendance, boolean late, String by) {
        if (REPORT_SUBMITTED.equals(reportState)) {
            return Decision.quietly(this);
        }
        Activity submitted = withReport(REPORT_SUBMITTED);
        return Decision.of(submitted, new DomainEvent(ActivityEventTypes.REPORT_SUBMITTED, by,
                new ActivityReportSubmitted(submitted.snapshot(), summary, links, attendance, late)));
    }

    private Activity withReport(String report) {
        return new Activity(id, title, kind, description, start, end, venue, audience, expectedSize, capacity,
                organiserClubIds, organisingDepartment, category, state, confirmedClubIds, returnReasons,
                cancellationReason, proposedBy, proposedAt, decidedBy, report, resubmissions, budgetRequest);
    }

    /** Published: approved, so the public, the calendar and other services know of it. */
    public boolean isPublished() {
        return APPROVED.equals(state);
    }

    public boolean isOpen() {
        return !CANCELLED.equals(state) && !RETURNED.equals(state);
    }

    public List<String> allowedActions() {
        return switch (state) {
            case AWAITING_CONFIRMATION -> List.of("confirm", "cancel");
            case PROPOSED -> List.of("approve", "return", "cancel");
            case APPROVED -> List.of("reschedule", "cancel");
            case RETURNED -> List.of("resubmit", "cancel");
            default -> List.of();
        };
    }

    public ActivitySnapshot snapshot() {
        return new ActivitySnapshot(id, title, kind, description, start, end, venue, audience, organiserClubIds,
                organisingDepartment, category, state);
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }

    private Activity with(String newState, List<String> confirmed, List<String> reasons, String cancellation, String by) {
        return new Activity(id, title, kind, description, start, end, venue, audience, expectedSize, capacity, organiserClubIds,
                organisingDepartment, category, newState, confirmed, reasons, cancellation, proposedBy, proposedAt, by, reportState,
                resubmissions, budgetRequest);
    }

    private void require(String expected, String what) {
        if (!expected.equals(state)) {
            throw new IllegalTransitionException(what + " activity " + id, state, allowedActions());
        }
    }

    private static void requirePlan(Plan plan) {
        if (plan.capacity() != null && plan.capacity() < 1) {
            throw new RuleViolationException("capacity", "a capacity is at least 1 (leave it out for no limit)");
        }
        if (!AUDIENCES.contains(plan.audience())) {
            throw new RuleViolationException("audience", "audience is one of " + AUDIENCES);
        }
    }

    private static void requireTimes(Instant start, Instant end, Instant now, Duration minimumLeadTime) {
        if (!end.isAfter(start)) {
            throw new RuleViolationException("end", "an activity ends after it starts");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(31)) > 0) {
            throw new RuleViolationException("end", "an activity lasts at most 31 days");
        }
        if (start.isBefore(now.plus(minimumLeadTime))) {
            throw new RuleViolationException("start", "an activity is proposed at least " + minimumLeadTime.toDays()
                    + " days (" + minimumLeadTime + ") before it starts");
        }
    }

    private static List<String> replace(List<String> ids, String from, String to) {
        return List.copyOf(new LinkedHashSet<>(ids.stream().map(c -> c.equals(from) ? to : c).toList()));
    }
}
