package org.federation.notification.workqueue.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.federation.club.contracts.ClubElectionRecorded;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubLeadershipChanged;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubRegistrationConfirmed;
import org.federation.club.contracts.FoundingApplicationChanged;
import org.federation.club.contracts.FoundingApplicationSummary;
import org.federation.club.contracts.HearingBallotCast;
import org.federation.club.contracts.LateRegistrationSubmitted;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.ActivityProposed;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.event.contracts.BudgetRequested;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.notification.contracts.FeedbackReceived;
import org.federation.notification.contracts.NoticeAcknowledged;
import org.federation.notification.contracts.NoticeEscalated;
import org.federation.notification.contracts.NoticePosted;
import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.notification.directory.domain.Names;
import org.federation.notification.directory.application.Recipients;
import org.federation.notification.wording.domain.Yuan;
import org.federation.notification.workqueue.domain.WorkChange;
import org.federation.notification.workqueue.domain.WorkChange.Close;
import org.federation.notification.workqueue.domain.WorkChange.CloseAll;
import org.federation.notification.workqueue.domain.WorkChange.Open;
import org.federation.notification.workqueue.domain.WorkItem;
import org.federation.notification.workqueue.domain.WorkKind;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;

/**
 * What each event of the four services does to the work queues: which work it asks for (an item, with
 * its title in people's words, whose queues, its deadline and the owning service's path) and which work
 * it completes. The table is in docs/notification-service.md, "Work queues". Events of other types do
 * nothing here.
 */
public final class WorkFromEvents {

    static final String ORGANIZATION = Recipients.DEPARTMENT + "organization";
    static final String FINANCE = Recipients.DEPARTMENT + "finance";
    static final String CLUB_SERVICE = "club-service";
    static final String EVENT_SERVICE = "event-service";
    static final String FINANCE_SERVICE = "finance-service";
    static final String NOTIFICATION_SERVICE = "notification-service";

    /** A founding application's events after which its review (and its hearing's ballots) are no one's work any more. */
    private static final Set<String> FOUNDING_SETTLED = Set.of(ClubEventTypes.FOUNDING_QUALIFIED,
            ClubEventTypes.FOUNDING_RETURNED, ClubEventTypes.FOUNDING_WITHDRAWN, ClubEventTypes.FOUNDING_REJECTED,
            ClubEventTypes.FOUNDING_ANNOUNCED, ClubEventTypes.HEARING_INCONCLUSIVE);

    /** A club's events after which nothing the Organization Department had to do for it remains. */
    private static final Set<String> CLUB_ENDING = Set.of(ClubEventTypes.DISSOLUTION_REQUESTED, ClubEventTypes.DISSOLVED);

    private final InboundEvents inbound;
    private final Names names;
    private final Function<String, Optional<String>> directNoticeTitles;
    private final Function<String, Optional<Instant>> deadlines;

    /**
     * @param directNoticeTitles a direct notice's title by its id (an escalation names the notice)
     * @param deadlines          an item's deadline by its id (a budget request is due when its activity's proposal is)
     */
    public WorkFromEvents(InboundEvents inbound, Names names, Function<String, Optional<String>> directNoticeTitles,
                          Function<String, Optional<Instant>> deadlines) {
        this.inbound = inbound;
        this.names = names;
        this.directNoticeTitles = directNoticeTitles;
        this.deadlines = deadlines;
    }

    /** The changes {@code event} makes; none for a type that asks for or completes no work. */
    public List<WorkChange> of(EventEnvelope event) {
        String type = event.type();
        if (type.startsWith("org.federation.club.") || type.startsWith("org.federation.federation.")) {
            return club(event);
        }
        if (type.startsWith("org.federation.activity.")) {
            return activity(event);
        }
        if (type.startsWith("org.federation.finance.")) {
            return finance(event);
        }
        if (type.startsWith("org.federation.notification.")) {
            return notification(event);
        }
        return List.of();
    }

    // ---- club-service ----

    private List<WorkChange> club(EventEnvelope event) {
        String type = event.type();
        String source = event.subject();
        long seq = event.sequence();
        Instant at = event.time();
        List<WorkChange> changes = new ArrayList<>();
        if (ClubEventTypes.FOUNDING_SUBMITTED.equals(type)) {
            FoundingApplicationSummary application = inbound.payload(event, FoundingApplicationChanged.class).application();
            InboundEvents.require(application != null, event, "a founding event carries its application");
            // a resubmission replaces the review of the earlier submission
            changes.add(CloseAll.of(WorkKind.FOUNDING_REVIEW, source, seq, type, at));
            changes.add(new Open(new WorkItem(idOf(WorkKind.FOUNDING_REVIEW, source, seq), WorkKind.FOUNDING_REVIEW,
                    "Review the founding application for " + quoted(application.proposedName()) + " from "
                            + names.people(application.initiators()),
                    List.of(ORGANIZATION), null, null, CLUB_SERVICE, "/api/founding-applications/" + source, at, source,
                    seq, null)));
        } else if (ClubEventTypes.HEARING_SCHEDULED.equals(type)) {
            FoundingApplicationSummary application = inbound.payload(event, FoundingApplicationChanged.class).application();
            InboundEvents.require(application != null && application.hearing() != null, event,
                    "a scheduled hearing carries its application and hearing");
            FoundingApplicationSummary.HearingSummary hearing = application.hearing();
            // a hearing scheduled again (after an inconclusive one) replaces the earlier panel's ballots
            changes.add(CloseAll.of(WorkKind.HEARING_VOTE, source, seq, type, at));
            for (String member : orEmpty(hearing.panel())) {
                changes.add(new Open(new WorkItem(idOf(WorkKind.HEARING_VOTE, source, seq) + ":" + member,
                        WorkKind.HEARING_VOTE, "Vote at the founding hearing of " + quoted(application.proposedName())
                                + (hearing.place() == null ? "" : " in " + hearing.place()),
                        List.of(Recipients.PERSON + member), hearing.scheduledAt(), null, CLUB_SERVICE,
                        "/api/founding-applications/" + source, at, source, seq, null)));
            }
        } else if (ClubEventTypes.HEARING_BALLOT_CAST.equals(type)) {
            HearingBallotCast ballot = inbound.payload(event, HearingBallotCast.class);
            InboundEvents.require(ballot.panelMember() != null, event, "a ballot names its panel member");
            changes.add(new CloseAll(WorkKind.HEARING_VOTE, source, seq, Recipients.PERSON + ballot.panelMember(), null,
                    type, at));
        } else if (FOUNDING_SETTLED.contains(type)) {
            changes.add(CloseAll.of(WorkKind.FOUNDING_REVIEW, source, seq, type, at));
            if (!ClubEventTypes.FOUNDING_QUALIFIED.equals(type) && !ClubEventTypes.FOUNDING_RETURNED.equals(type)) {
                changes.add(CloseAll.of(WorkKind.HEARING_VOTE, source, seq, type, at));
            }
        } else if (ClubEventTypes.LATE_REGISTRATION_SUBMITTED.equals(type)) {
            LateRegistrationSubmitted late = inbound.payload(event, LateRegistrationSubmitted.class);
            InboundEvents.require(late.club() != null && late.academicYear() != null, event,
                    "a late registration carries the club and the year");
            changes.add(new Open(new WorkItem(lateRegistrationId(source, late.academicYear()), WorkKind.LATE_REGISTRATION,
                    "Accept the late registration of " + clubName(late.club().name(), source) + " for "
                            + late.academicYear(),
                    List.of(ORGANIZATION), null, null, CLUB_SERVICE,
                    "/api/clubs/" + source + "/registrations/" + late.academicYear(), at, source, seq, late.academicYear())));
        } else if (ClubEventTypes.REGISTRATION_CONFIRMED.equals(type)) {
            ClubRegistrationConfirmed confirmed = inbound.payload(event, ClubRegistrationConfirmed.class);
            if (confirmed.late() && confirmed.academicYear() != null) {
                changes.add(new Close(lateRegistrationId(source, confirmed.academicYear()), type, at));
            }
        } else if (ClubEventTypes.ELECTION_RECORDED.equals(type)) {
            ClubElectionRecorded election = inbound.payload(event, ClubElectionRecorded.class);
            InboundEvents.require(election.club() != null && election.heldOn() != null, event,
                    "an election carries the club and the meeting's day");
            // a newly recorded meeting replaces the one awaiting confirmation; one without a quorum cannot be
            // confirmed (club-service refuses it), so it is the club's work to hold another, not the department's
            changes.add(CloseAll.of(WorkKind.ELECTION_CONFIRMATION, source, seq, type, at));
            if (election.quorumReached()) {
                changes.add(new Open(new WorkItem(idOf(WorkKind.ELECTION_CONFIRMATION, source, seq),
                        WorkKind.ELECTION_CONFIRMATION, "Confirm the leader election of "
                                + clubName(election.club().name(), source) + " held on " + election.heldOn(),
                        List.of(ORGANIZATION), null, null, CLUB_SERVICE, "/api/clubs/" + source + "/leadership", at,
                        source, seq, election.heldOn().toString())));
            }
        } else if (ClubEventTypes.LEADERSHIP_CHANGED.equals(type)) {
            ClubLeadershipChanged changed = inbound.payload(event, ClubLeadershipChanged.class);
            // a confirmed handover says the meeting's day; an appointment by open recruitment (today) leaves a
            // recorded election waiting, as club-service does
            if (changed.electedOn() != null) {
                changes.add(new CloseAll(WorkKind.ELECTION_CONFIRMATION, source, seq, null, changed.electedOn().toString(),
                        type, at));
            }
        } else if (CLUB_ENDING.contains(type) || ClubEventTypes.MERGED.equals(type) && mergedAway(event)) {
            changes.add(CloseAll.of(WorkKind.ELECTION_CONFIRMATION, source, seq, type, at));
            changes.add(CloseAll.of(WorkKind.LATE_REGISTRATION, source, seq, type, at));
        }
        return changes;
    }

    private boolean mergedAway(EventEnvelope event) {
        ClubMerged merged = inbound.payload(event, ClubMerged.class);
        return merged.successor() == null || !event.subject().equals(merged.successor().id());
    }

    // ---- event-service ----

    private List<WorkChange> activity(EventEnvelope event) {
        String type = event.type();
        String activityId = event.subject();
        Instant at = event.time();
        if (ActivityEventTypes.PROPOSED.equals(type)) {
            ActivitySnapshot activity = inbound.payload(event, ActivityProposed.class).activity();
            InboundEvents.require(activity != null, event, "a proposal carries its activity");
            String from = orEmpty(activity.organiserClubIds()).isEmpty()
                    ? (activity.organisingDepartment() == null ? "a department" : "the " + departmentName(activity.organisingDepartment()))
                    : names.clubs(activity.organiserClubIds());
            String waiting = "awaiting-confirmation".equals(activity.state()) ? " (its co-organisers are still to confirm)" : "";
            // due by its start; it lapses then too, since event-service announces no return or withdrawal of a
            // proposal: one returned or dropped would otherwise stay in the queue for good
            return List.of(new Open(new WorkItem(idOf(WorkKind.ACTIVITY_PROPOSAL, activityId),
                    WorkKind.ACTIVITY_PROPOSAL, "Approve the activity proposal " + quoted(activity.title()) + " from "
                            + from + waiting,
                    List.of(ORGANIZATION), activity.start(), activity.start(), EVENT_SERVICE, "/api/activities/" + activityId,
                    at, activityId, event.sequence(), null)));
        }
        if (ActivityEventTypes.PUBLISHED.equals(type) || ActivityEventTypes.CANCELLED.equals(type)) {
            return List.of(new Close(idOf(WorkKind.ACTIVITY_PROPOSAL, activityId), type, at));
        }
        if (ActivityEventTypes.BUDGET_REQUESTED.equals(type)) {
            BudgetRequested request = inbound.payload(event, BudgetRequested.class);
            String who = request.organisers().isEmpty()
                    ? (request.department() == null ? "a department" : "the " + departmentName(request.department()))
                    : names.clubs(request.organisers());
            // the activity's proposal came before it on the same stream: the budget is due when the activity starts
            Instant due = deadlines.apply(idOf(WorkKind.ACTIVITY_PROPOSAL, activityId)).orElse(null);
            return List.of(new Open(new WorkItem(idOf(WorkKind.BUDGET_REQUEST, activityId), WorkKind.BUDGET_REQUEST,
                    "Decide the budget request of " + who + " for " + quoted(request.title()) + ": "
                            + Yuan.of(request.amountFen()),
                    List.of(FINANCE), due, null, FINANCE_SERVICE, "/api/budgets/" + activityId, at, activityId,
                    event.sequence(), null)));
        }
        return List.of();
    }

    // ---- finance-service ----

    private List<WorkChange> finance(EventEnvelope event) {
        // a decision, or a request closed undecided (its activity cancelled): keyed by the activity, like the request
        if (FinanceEventTypes.BUDGET_DECIDED.equals(event.type()) || FinanceEventTypes.BUDGET_CLOSED.equals(event.type())) {
            return List.of(new Close(idOf(WorkKind.BUDGET_REQUEST, event.subject()), event.type(), event.time()));
        }
        return List.of();
    }

    // ---- notification-service's own ----

    private List<WorkChange> notification(EventEnvelope event) {
        String type = event.type();
        Instant at = event.time();
        if (NotificationEventTypes.FEEDBACK_RECEIVED.equals(type)) {
            FeedbackReceived feedback = inbound.payload(event, FeedbackReceived.class);
            InboundEvents.require(feedback.department() != null, event, "feedback is routed to a department");
            return List.of(new Open(new WorkItem(idOf(WorkKind.FEEDBACK, event.subject()), WorkKind.FEEDBACK,
                    "Answer the " + ("complaint".equals(feedback.kind()) ? "complaint" : "suggestion") + " "
                            + quoted(feedback.subject()),
                    List.of(Recipients.DEPARTMENT + feedback.department()), null, null, NOTIFICATION_SERVICE,
                    "/api/feedback/" + event.subject() + "/status", at, event.subject(), event.sequence(), null)));
        }
        if (NotificationEventTypes.FEEDBACK_ANSWERED.equals(type)) {
            return List.of(new Close(idOf(WorkKind.FEEDBACK, event.subject()), type, at));
        }
        if (NotificationEventTypes.NOTICE_POSTED.equals(type)) {
            NoticePosted posted = inbound.payload(event, NoticePosted.class);
            if (posted.acknowledgeBy() == null || posted.recipient() == null) {
                return List.of();
            }
            return List.of(new Open(new WorkItem(idOf(WorkKind.ACKNOWLEDGEMENT, event.subject()), WorkKind.ACKNOWLEDGEMENT,
                    "Acknowledge " + quoted(posted.title()), List.of(posted.recipient()), posted.acknowledgeBy(), null,
                    NOTIFICATION_SERVICE, "/api/inbox/" + event.subject() + "/acknowledgement", at, event.subject(),
                    event.sequence(), null)));
        }
        if (NotificationEventTypes.NOTICE_ACKNOWLEDGED.equals(type)) {
            NoticeAcknowledged acknowledged = inbound.payload(event, NoticeAcknowledged.class);
            List<WorkChange> changes = new ArrayList<>();
            changes.add(new Close(idOf(WorkKind.ACKNOWLEDGEMENT, event.subject()), type, at));
            if (acknowledged.directNoticeId() != null) {
                // one recipient acknowledging settles their groups' escalations (the escalation sweep sees it the same way)
                List<String> groups = orEmpty(acknowledged.clubIds()).isEmpty()
                        ? (acknowledged.recipient() == null ? List.of() : List.of(acknowledged.recipient()))
                        : acknowledged.clubIds().stream().map(c -> "club:" + c).toList();
                for (String group : groups) {
                    changes.add(new Close(escalationId(acknowledged.directNoticeId() + ":" + group), type, at));
                }
            }
            return changes;
        }
        if (NotificationEventTypes.NOTICE_ESCALATED.equals(type)) {
            NoticeEscalated escalated = inbound.payload(event, NoticeEscalated.class);
            if (orEmpty(escalated.escalatedTo()).isEmpty() || escalated.directNoticeId() == null) {
                return List.of();
            }
            String group = escalated.group() == null ? "" : escalated.group();
            String who = group.startsWith("club:") ? names.club(group.substring("club:".length()))
                    : group.startsWith(Recipients.PERSON) ? names.person(group.substring(Recipients.PERSON.length()))
                    : Names.SOME_CLUB;
            String title = directNoticeTitles.apply(escalated.directNoticeId()).map(WorkFromEvents::quoted)
                    .orElse("a notice");
            return List.of(new Open(new WorkItem(escalationId(event.subject()), WorkKind.ESCALATION,
                    "Chase " + who + ": " + title + " is not acknowledged", escalated.escalatedTo(),
                    escalated.acknowledgeBy(), null, NOTIFICATION_SERVICE,
                    "/api/direct-notices/" + escalated.directNoticeId() + "/acknowledgements", at, event.subject(),
                    event.sequence(), null)));
        }
        return List.of();
    }

    // ---- ids and words ----

    static String idOf(WorkKind kind, String source) {
        return kind.code() + ":" + source;
    }

    static String idOf(WorkKind kind, String source, long sequence) {
        return kind.code() + ":" + source + ":" + sequence;
    }

    static String lateRegistrationId(String clubId, String academicYear) {
        return idOf(WorkKind.LATE_REGISTRATION, clubId) + ":" + academicYear;
    }

    static String escalationId(String escalationId) {
        return idOf(WorkKind.ESCALATION, escalationId);
    }

    private String clubName(String fromSnapshot, String clubId) {
        return fromSnapshot != null && !fromSnapshot.isBlank() ? fromSnapshot : names.club(clubId);
    }

    private static String quoted(String text) {
        return text == null || text.isBlank() ? "(untitled)" : "“" + text.strip() + "”";
    }

    /** "organization" → "Organization Department", "external-relations" → "External Relations Department". */
    static String departmentName(String department) {
        StringBuilder name = new StringBuilder();
        for (String word : department.split("-")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1)).append(' ');
            }
        }
        return name.append("Department").toString();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
