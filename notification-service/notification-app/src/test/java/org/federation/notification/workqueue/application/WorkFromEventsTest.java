package org.federation.notification.workqueue.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.federation.club.contracts.ClubElectionRecorded;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubLeadershipChanged;
import org.federation.club.contracts.ClubRegistrationConfirmed;
import org.federation.club.contracts.ClubSnapshot;
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
import org.federation.notification.workqueue.domain.WorkChange;
import org.federation.notification.workqueue.domain.WorkItem;
import org.federation.notification.workqueue.domain.WorkKind;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * Which work each event opens and closes, without Spring; and every kind's title is written for people
 * (names, never an event type, a UUID, an {@code act-}/{@code club-} id or a student number), whether the
 * names are known yet or not.
 */
class WorkFromEventsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final InboundEvents INBOUND = new InboundEvents(JSON);
    static final String CLUB = "3f2b8c1e-5a4d-4e6f-9b0a-1c2d3e4f5a6b";
    static final String ACTIVITY = "act-7d1e";
    static final String APPLICATION = "app-91c2";
    static final String NOTICE = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    static final String DIRECT = "5e4f9a8b-7c6d-4a3b-8c2d-1e0f9a8b7c6d";
    static final Instant AT = Instant.parse("2026-12-05T11:00:00Z");
    static final Names KNOWING = Names.of(Map.of(CLUB, "摄影协会"), Map.of("2023020001", "张三", "2023020002", "李四"));
    static final Names KNOWING_NOBODY = Names.of(Map.of(), Map.of());

    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("org\\.federation\\."),
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
            Pattern.compile("\\b(act|acct|club|tc|st|txn|app|fees|settle|dn)-[A-Za-z0-9]"),
            Pattern.compile("\\b20\\d{8}\\b"));

    static WorkFromEvents mapping(Names names) {
        return new WorkFromEvents(INBOUND, names, id -> DIRECT.equals(id) ? Optional.of("Club exchange conference")
                : Optional.empty(), id -> id.equals("activity-proposal:" + ACTIVITY) ? Optional.of(AT) : Optional.empty());
    }

    static EventEnvelope event(String type, String source, String subject, long sequence, Object payload) {
        return new EventEnvelope("e-" + type.hashCode() + sequence, type, source, subject, AT, "2023020001", sequence,
                JSON.writeValueAsString(payload));
    }

    static ClubSnapshot club(String name) {
        return new ClubSnapshot(CLUB, name, "arts-culture", "active", LocalDate.of(2015, 9, 1), null,
                List.of(new ClubLeader("2023020001", "张三", "president")), List.of(), "2023020009", null, "c@example.edu");
    }

    static FoundingApplicationSummary application(FoundingApplicationSummary.HearingSummary hearing) {
        return new FoundingApplicationSummary(APPLICATION, "桌游协会", "other", "submitted", List.of("2023020001", "2023020002"),
                hearing);
    }

    static ActivitySnapshot activity(String state) {
        return new ActivitySnapshot(ACTIVITY, "算法竞赛训练营", "training", null, AT, AT.plusSeconds(7200), "Lab 305", "members",
                List.of(CLUB), null, "arts-culture", state);
    }

    /** One opening event of every kind. */
    static List<EventEnvelope> openers(String clubName) {
        FoundingApplicationSummary.HearingSummary hearing = new FoundingApplicationSummary.HearingSummary(AT, "Room 204",
                List.of("2023020001"));
        return List.of(
                event(ClubEventTypes.FOUNDING_SUBMITTED, "/club-service", APPLICATION, 1,
                        new FoundingApplicationChanged(application(null), List.of(), null)),
                event(ClubEventTypes.HEARING_SCHEDULED, "/club-service", APPLICATION, 3,
                        new FoundingApplicationChanged(application(hearing), List.of(), null)),
                event(ClubEventTypes.LATE_REGISTRATION_SUBMITTED, "/club-service", CLUB, 4,
                        new LateRegistrationSubmitted(club(clubName), "2026-2027", List.of())),
                event(ClubEventTypes.ELECTION_RECORDED, "/club-service", CLUB, 5, new ClubElectionRecorded(club(clubName),
                        LocalDate.of(2026, 11, 30), 12, true, List.of())),
                event(ActivityEventTypes.PROPOSED, "/event-service", ACTIVITY, 1, new ActivityProposed(activity("proposed"),
                        "2023020001")),
                event(ActivityEventTypes.BUDGET_REQUESTED, "/event-service", ACTIVITY, 2, new BudgetRequested(ACTIVITY,
                        "算法竞赛训练营", CLUB, null, 500_000, "prizes", List.of(), "2023020001", List.of(CLUB))),
                event(NotificationEventTypes.FEEDBACK_RECEIVED, "/notification-service", "fb-1", 1,
                        new FeedbackReceived("fb-1", "complaint", "office", "Lights out in room 3", AT)),
                event(NotificationEventTypes.NOTICE_POSTED, "/notification-service", NOTICE, 1, new NoticePosted(NOTICE,
                        "person:2023020001", "direct", "Club exchange conference", "direct-notice:" + DIRECT, AT, DIRECT,
                        AT.plusSeconds(3600))),
                event(NotificationEventTypes.NOTICE_ESCALATED, "/notification-service", DIRECT + ":club:" + CLUB, 1,
                        new NoticeEscalated(DIRECT + ":club:" + CLUB, DIRECT, "organization", "club:" + CLUB,
                                "liaison-officer", List.of("person:2023020009"), AT, AT.plusSeconds(60))));
    }

    static List<WorkItem> opened(WorkFromEvents mapping, EventEnvelope event) {
        List<WorkItem> items = new ArrayList<>();
        for (WorkChange change : mapping.of(event)) {
            if (change instanceof WorkChange.Open open) {
                items.add(open.item());
            }
        }
        return items;
    }

    @Test
    void everyKindIsOpenedByAnEventAndTitledForPeopleWithNamesKnownOrNot() {
        Set<WorkKind> seen = EnumSet.noneOf(WorkKind.class);
        for (Names names : List.of(KNOWING, KNOWING_NOBODY)) {
            for (String clubName : java.util.Arrays.asList("摄影协会", null)) {
                for (EventEnvelope event : openers(clubName)) {
                    List<WorkItem> items = opened(mapping(names), event);
                    assertThat(items).as(event.type()).isNotEmpty();
                    for (WorkItem item : items) {
                        seen.add(item.kind());
                        for (Pattern forbidden : FORBIDDEN) {
                            assertThat(forbidden.matcher(item.title()).find()).as(item.kind() + ": " + item.title()
                                    + " matches " + forbidden).isFalse();
                        }
                        assertThat(item.link()).startsWith("/api/");
                        assertThat(item.awaiting()).isNotEmpty();
                    }
                }
            }
        }
        assertThat(seen).as("a sample of every kind").isEqualTo(EnumSet.allOf(WorkKind.class));
    }

    @Test
    void titlesNameWhatAwaitsDoingAndWhoAsked() {
        List<String> titles = openers("摄影协会").stream().flatMap(e -> opened(mapping(KNOWING), e).stream())
                .map(WorkItem::title).toList();
        assertThat(titles).containsExactly(
                "Review the founding application for “桌游协会” from 张三 and 李四",
                "Vote at the founding hearing of “桌游协会” in Room 204",
                "Accept the late registration of 摄影协会 for 2026-2027",
                "Confirm the leader election of 摄影协会 held on 2026-11-30",
                "Approve the activity proposal “算法竞赛训练营” from 摄影协会",
                "Decide the budget request of 摄影协会 for “算法竞赛训练营”: 5,000.00 yuan",
                "Answer the complaint “Lights out in room 3”",
                "Acknowledge “Club exchange conference”",
                "Chase 摄影协会: “Club exchange conference” is not acknowledged");
        List<String> unknown = openers(null).stream().flatMap(e -> opened(mapping(KNOWING_NOBODY), e).stream())
                .map(WorkItem::title).toList();
        assertThat(unknown).contains("Review the founding application for “桌游协会” from 2 people",
                "Accept the late registration of a club for 2026-2027", "Chase a club: “Club exchange conference” is not acknowledged");
    }

    @Test
    void deadlinesComeFromTheEventsOrTheProposalAndNoneIsInventedWhereTheRulesSetNone() {
        Map<WorkKind, Instant> deadlines = new java.util.EnumMap<>(WorkKind.class);
        Map<WorkKind, Boolean> withDeadline = new java.util.EnumMap<>(WorkKind.class);
        for (EventEnvelope event : openers("摄影协会")) {
            for (WorkItem item : opened(mapping(KNOWING), event)) {
                withDeadline.put(item.kind(), item.deadline() != null);
                if (item.deadline() != null) {
                    deadlines.put(item.kind(), item.deadline());
                }
            }
        }
        assertThat(deadlines.get(WorkKind.HEARING_VOTE)).as("the hearing").isEqualTo(AT);
        assertThat(deadlines.get(WorkKind.ACTIVITY_PROPOSAL)).as("its start").isEqualTo(AT);
        assertThat(deadlines.get(WorkKind.BUDGET_REQUEST)).as("its activity's start").isEqualTo(AT);
        assertThat(deadlines.get(WorkKind.ACKNOWLEDGEMENT)).isEqualTo(AT.plusSeconds(3600));
        assertThat(deadlines.get(WorkKind.ESCALATION)).as("the deadline that passed").isEqualTo(AT);
        assertThat(withDeadline).containsEntry(WorkKind.FOUNDING_REVIEW, false).containsEntry(WorkKind.LATE_REGISTRATION, false)
                .containsEntry(WorkKind.ELECTION_CONFIRMATION, false).containsEntry(WorkKind.FEEDBACK, false);
    }

    @Test
    void onlyTheKindsASourcesLaterEventClosesAsAWholeAreClosedThatWay() {
        assertThat(EnumSet.allOf(WorkKind.class).stream().filter(WorkKind::closedBySource))
                .containsExactlyInAnyOrder(WorkKind.FOUNDING_REVIEW, WorkKind.HEARING_VOTE, WorkKind.LATE_REGISTRATION,
                        WorkKind.ELECTION_CONFIRMATION);
        // an acknowledgement's opening does not look up what its source closed: closing it as a whole would not hold
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkChange.CloseAll.of(WorkKind.ACKNOWLEDGEMENT, NOTICE, 2, "x", AT))
                .withMessageContaining("acknowledgement");
    }

    @Test
    void theEventsThatCompleteTheWorkCloseIt() {
        WorkFromEvents mapping = mapping(KNOWING);
        assertThat(mapping.of(event(ClubEventTypes.FOUNDING_QUALIFIED, "/club-service", APPLICATION, 2,
                new FoundingApplicationChanged(application(null), List.of(), null))))
                .containsExactly(WorkChange.CloseAll.of(WorkKind.FOUNDING_REVIEW, APPLICATION, 2,
                        ClubEventTypes.FOUNDING_QUALIFIED, AT));
        assertThat(mapping.of(event(ClubEventTypes.HEARING_BALLOT_CAST, "/club-service", APPLICATION, 4,
                new HearingBallotCast(application(null), "2023020001", "approve", null, AT, 1, 3))))
                .containsExactly(new WorkChange.CloseAll(WorkKind.HEARING_VOTE, APPLICATION, 4, "person:2023020001", null,
                        ClubEventTypes.HEARING_BALLOT_CAST, AT));
        assertThat(mapping.of(event(ClubEventTypes.FOUNDING_REJECTED, "/club-service", APPLICATION, 5,
                new FoundingApplicationChanged(application(null), List.of("no"), LocalDate.of(2027, 3, 1)))))
                .extracting(c -> ((WorkChange.CloseAll) c).kind()).containsExactly(WorkKind.FOUNDING_REVIEW, WorkKind.HEARING_VOTE);
        assertThat(mapping.of(event(ClubEventTypes.REGISTRATION_CONFIRMED, "/club-service", CLUB, 6,
                new ClubRegistrationConfirmed(club("摄影协会"), "2026-2027", true, List.of()))))
                .containsExactly(new WorkChange.Close("late-registration:" + CLUB + ":2026-2027",
                        ClubEventTypes.REGISTRATION_CONFIRMED, AT));
        assertThat(mapping.of(event(ClubEventTypes.REGISTRATION_CONFIRMED, "/club-service", CLUB, 6,
                new ClubRegistrationConfirmed(club("摄影协会"), "2026-2027", false, List.of())))).as("on time: nothing waited").isEmpty();
        assertThat(mapping.of(event(ClubEventTypes.LEADERSHIP_CHANGED, "/club-service", CLUB, 7, new ClubLeadershipChanged(
                club("摄影协会"), List.of(), LocalDate.of(2026, 11, 30), LocalDate.of(2027, 11, 30)))))
                .containsExactly(new WorkChange.CloseAll(WorkKind.ELECTION_CONFIRMATION, CLUB, 7, null, "2026-11-30",
                        ClubEventTypes.LEADERSHIP_CHANGED, AT));
        assertThat(mapping.of(event(ClubEventTypes.ELECTION_RECORDED, "/club-service", CLUB, 8, new ClubElectionRecorded(
                club("摄影协会"), LocalDate.of(2026, 12, 1), 3, false, List.of()))))
                .as("without a quorum: the earlier one is replaced, nothing for the department to confirm")
                .containsExactly(WorkChange.CloseAll.of(WorkKind.ELECTION_CONFIRMATION, CLUB, 8, ClubEventTypes.ELECTION_RECORDED, AT));
        assertThat(mapping.of(event(ClubEventTypes.DISSOLVED, "/club-service", CLUB, 9, new org.federation.club.contracts
                .ClubStateChanged(club("摄影协会"), "dissolving", "settled")))).extracting(c -> ((WorkChange.CloseAll) c).kind())
                .containsExactly(WorkKind.ELECTION_CONFIRMATION, WorkKind.LATE_REGISTRATION);
        assertThat(mapping.of(event(ActivityEventTypes.PUBLISHED, "/event-service", ACTIVITY, 3,
                new org.federation.event.contracts.ActivityPublished(activity("approved")))))
                .containsExactly(new WorkChange.Close("activity-proposal:" + ACTIVITY, ActivityEventTypes.PUBLISHED, AT));
        for (String type : List.of(FinanceEventTypes.BUDGET_DECIDED, FinanceEventTypes.BUDGET_CLOSED)) {
            assertThat(mapping.of(event(type, "/finance-service", ACTIVITY, 2, Map.of("budget", Map.of()))))
                    .containsExactly(new WorkChange.Close("budget-request:" + ACTIVITY, type, AT));
        }
        assertThat(mapping.of(event(NotificationEventTypes.FEEDBACK_ANSWERED, "/notification-service", "fb-1", 2, Map.of())))
                .containsExactly(new WorkChange.Close("feedback:fb-1", NotificationEventTypes.FEEDBACK_ANSWERED, AT));
        assertThat(mapping.of(event(NotificationEventTypes.NOTICE_ACKNOWLEDGED, "/notification-service", NOTICE, 2,
                new NoticeAcknowledged(NOTICE, "person:2023020001", DIRECT, List.of(CLUB, "other"), "2023020001", AT, AT))))
                .as("the notice, and the escalation of every club it reached the recipient through")
                .containsExactly(new WorkChange.Close("acknowledgement:" + NOTICE, NotificationEventTypes.NOTICE_ACKNOWLEDGED, AT),
                        new WorkChange.Close("escalation:" + DIRECT + ":club:" + CLUB, NotificationEventTypes.NOTICE_ACKNOWLEDGED, AT),
                        new WorkChange.Close("escalation:" + DIRECT + ":club:other", NotificationEventTypes.NOTICE_ACKNOWLEDGED, AT));
        assertThat(mapping.of(event(NotificationEventTypes.NOTICE_ACKNOWLEDGED, "/notification-service", NOTICE, 2,
                new NoticeAcknowledged(NOTICE, "person:2023020009", DIRECT, List.of(), "2023020009", AT, AT))))
                .as("a liaison officer, outside any club, is their own group")
                .contains(new WorkChange.Close("escalation:" + DIRECT + ":person:2023020009",
                        NotificationEventTypes.NOTICE_ACKNOWLEDGED, AT));
        assertThat(mapping.of(event(NotificationEventTypes.NOTICE_POSTED, "/notification-service", NOTICE, 1,
                new NoticePosted(NOTICE, "person:2023020001", "club-established", "t", "club:x", AT, null, null))))
                .as("a notice asking for no acknowledgement is no work").isEmpty();
    }
}
