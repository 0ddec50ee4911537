package org.federation.notification.routing;

import org.federation.notification.routing.application.ActivityEventNotices;
import org.federation.notification.routing.domain.Routed;
import org.federation.notification.routing.domain.NoticeKinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.federation.event.contracts.ActivityAttendance;
import org.federation.event.contracts.ActivityCancelled;
import org.federation.event.contracts.ActivityChanged;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.ActivityProposed;
import org.federation.event.contracts.ActivityPublished;
import org.federation.event.contracts.TraineeEnrolled;
import org.federation.event.contracts.TrainingClassChanged;
import org.federation.event.contracts.TrainingClassCreated;
import org.federation.event.contracts.TrainingClassSnapshot;
import org.federation.event.contracts.ActivityReportOverdue;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.event.contracts.BudgetRequested;
import org.federation.event.contracts.RegistrationChanged;
import org.federation.platform.domain.FederationCalendar;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.MalformedEventException;
import org.junit.jupiter.api.Test;

/** event-service's activity events as notices, without Spring: kind, who in the clubs hears of it, which departments. */
class ActivityEventNoticesTest {

    static final Instant START = Instant.parse("2026-12-05T11:00:00Z");

    static ActivitySnapshot joint() {
        return new ActivitySnapshot("act-1", "算法竞赛训练营", "training", "Two days of contest practice", START,
                START.plusSeconds(7200), "Lab 305", "members", List.of("club-acmore", "club-board-games"), null,
                "academic-technology", "approved");
    }

    static ActivitySnapshot programme() {
        return new ActivitySnapshot("act-2", "社团风采节", "festival", null, START, START.plusSeconds(7200), "Stadium",
                "public", List.of(), "organization", "federation", "approved");
    }

    static Routed route(String type, Object payload) {
        EventEnvelope event = new EventEnvelope("e-" + type.hashCode(), type, "/event-service", "act-1", START, "2023020001",
                2, EventNoticesTest.JSON.writeValueAsString(payload));
        return ActivityEventNotices.of(event, EventNoticesTest.INBOUND, EventNoticesTest.NAMES).orElseThrow();
    }

    @Test
    void onlyAPromotionFromTheWaitlistIsANoticeAndItGoesToThatPerson() {
        EventEnvelope promoted = registrationEvent("act-1|2024000001", new RegistrationChanged("act-1|2024000001", "act-1",
                "算法竞赛训练营", START, "2024000001", "registered", null, RegistrationChanged.PROMOTED));
        Routed routed = ActivityEventNotices.of(promoted, EventNoticesTest.INBOUND, EventNoticesTest.NAMES).orElseThrow();
        assertThat(routed.kind()).isEqualTo("registration-promoted");
        assertThat(routed.title()).isEqualTo("You have a seat: 算法竞赛训练营");
        assertThat(routed.persons()).containsExactly("2024000001");
        assertThat(routed.clubIds()).isEmpty();
        assertThat(routed.subjectRef()).isEqualTo("activity:act-1");
        assertThat(ActivityEventNotices.of(registrationEvent("act-1|2024000001", new RegistrationChanged("act-1|2024000001",
                "act-1", "算法竞赛训练营", START, "2024000001", "waitlisted", 3L, RegistrationChanged.WAITLISTED)),
                EventNoticesTest.INBOUND, EventNoticesTest.NAMES)).isEmpty();
        assertThatThrownBy(() -> ActivityEventNotices.of(registrationEvent("act-1|someone-else", new RegistrationChanged(
                "act-1|2024000001", "act-1", "x", START, "2024000001", "registered", null, RegistrationChanged.PROMOTED)),
                EventNoticesTest.INBOUND, EventNoticesTest.NAMES)).isInstanceOf(MalformedEventException.class).hasMessageContaining("its key");
        assertThat(route(ActivityEventTypes.CANCELLED, new ActivityCancelled(joint(), "rain")).alsoFor(List.of("2024000001",
                "2024000001")).persons()).as("told once").containsExactly("2024000001");
    }

    static EventEnvelope registrationEvent(String key, RegistrationChanged payload) {
        return new EventEnvelope("e-" + key.hashCode() + payload.change(), ActivityEventTypes.REGISTRATION_CHANGED,
                "/event-service", key, START, "system", 2, EventNoticesTest.JSON.writeValueAsString(payload));
    }

    /** Issue 19: a proposal is a notice kind the Organization Department subscribes to, and reaches no club member. */
    @Test
    void aProposalGoesToItsReviewersOnly() {
        ActivitySnapshot proposal = new ActivitySnapshot("act-1", "算法竞赛训练营", "training", null, START,
                START.plusSeconds(7200), "Lab 305", "members", List.of("club-acmore"), null, "academic-technology", "proposed");
        Routed routed = route(ActivityEventTypes.PROPOSED, new ActivityProposed(proposal, "2023020001"));
        assertThat(routed.kind()).isEqualTo("activity-proposed");
        assertThat(routed.title()).isEqualTo("Activity proposed: 算法竞赛训练营");
        assertThat(routed.body()).contains("acmore编程协会 proposes").contains("Lab 305").contains("awaits review");
        assertThat(routed.clubIds()).as("not public: no member hears of it").isEmpty();
        assertThat(routed.persons()).isEmpty();
        assertThat(routed.subjectRef()).isEqualTo("activity:act-1");
        assertThat(NoticeKinds.of("activity-proposed")).isPresent();
        assertThat(NoticeKinds.defaultsFor("department:organization")).contains("activity-proposed");
        assertThat(NoticeKinds.defaultsFor("department:publicity")).doesNotContain("activity-proposed");
    }

    /** Issue 19: a training class's facts are subscribable kinds; an enrolled trainee hears of their own enrolment. */
    @Test
    void trainingClassFactsGoToTheirSubscribersAndTheTraineeToo() {
        TrainingClassSnapshot c = new TrainingClassSnapshot("act-1", "未来管理者培训班", "organization", null, 30,
                List.of(new TrainingClassSnapshot.Session(1, START, START.plusSeconds(7200), "Library 101", "领导力")), 1,
                "2099000003", START);
        Routed created = route(ActivityEventTypes.TRAINING_CLASS_CREATED, new TrainingClassCreated(c));
        assertThat(created.kind()).isEqualTo("training-class-created");
        assertThat(created.clubIds()).isEmpty();
        assertThat(created.subjectRef()).isEqualTo("training-class:act-1");
        assertThat(route(ActivityEventTypes.TRAINING_CLASS_CHANGED, new TrainingClassChanged(c, "session-added")).body())
                .contains("session-added");
        Routed enrolled = route(ActivityEventTypes.TRAINEE_ENROLLED, new TraineeEnrolled(c, "2026100001", "club-x", null, START));
        assertThat(enrolled.kind()).isEqualTo("trainee-enrolled");
        assertThat(enrolled.persons()).containsExactly("2026100001");
        assertThat(enrolled.clubIds()).as("not the trainee's club").isEmpty();
        TrainingClassSnapshot elsewhere = new TrainingClassSnapshot("tc-other", "x", "organization", null, 1, List.of(), 0,
                "s", START);
        assertThatThrownBy(() -> route(ActivityEventTypes.TRAINING_CLASS_CREATED, new TrainingClassCreated(elsewhere)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("id = its key");
    }

    @Test
    void aPublishedActivityReachesEveryoneInTheOrganisingClubs() {
        Routed routed = route(ActivityEventTypes.PUBLISHED, new ActivityPublished(joint()));
        assertThat(routed.kind()).isEqualTo("activity-published");
        assertThat(routed.title()).isEqualTo("Activity published: 算法竞赛训练营");
        assertThat(routed.body()).contains("Lab 305").contains(FederationCalendar.wallClockSpan(START, START.plusSeconds(7200)));
        assertThat(routed.clubIds()).containsExactly("club-acmore", "club-board-games");
        assertThat(routed.clubReach()).isEqualTo(Routed.ClubReach.MEMBERS);
        assertThat(routed.subjectRef()).isEqualTo("activity:act-1");
        assertThat(routed.departments()).isEmpty();
    }

    @Test
    void changesAndCancellationsReachTheClubsMembersAndAProgrammesDepartment() {
        Routed changed = route(ActivityEventTypes.CHANGED, new ActivityChanged(joint(), "moved to Lab 305"));
        assertThat(changed.kind()).isEqualTo("activity-changed");
        assertThat(changed.body()).contains("moved to Lab 305");
        assertThat(changed.clubReach()).isEqualTo(Routed.ClubReach.MEMBERS);
        Routed cancelled = route(ActivityEventTypes.CANCELLED, new ActivityCancelled(programme(), "storm warning"));
        assertThat(cancelled.kind()).isEqualTo("activity-cancelled");
        assertThat(cancelled.body()).contains("storm warning");
        assertThat(cancelled.clubIds()).isEmpty();
        assertThat(cancelled.departments()).containsExactly("organization");
    }

    @Test
    void anOverdueReportChasesTheLeadersNotTheMembers() {
        Routed routed = route(ActivityEventTypes.REPORT_OVERDUE, new ActivityReportOverdue(joint(), START.plusSeconds(86_400 * 14)));
        assertThat(routed.kind()).isEqualTo("report-overdue");
        assertThat(routed.clubReach()).isEqualTo(Routed.ClubReach.LEADERS);
        assertThat(routed.clubIds()).containsExactly("club-acmore", "club-board-games");
        assertThat(NoticeKinds.defaultsFor("department:evaluation")).contains("report-overdue");
        assertThat(route(ActivityEventTypes.REPORT_OVERDUE, new ActivityReportOverdue(programme(), START)).departments())
                .containsExactly("organization");
    }

    @Test
    void aBudgetRequestGoesToTheFinanceDepartmentOnly() {
        Routed routed = route(ActivityEventTypes.BUDGET_REQUESTED, new BudgetRequested("act-1", "算法竞赛训练营", "club-acmore",
                null, 30_000, "venue and prizes", List.of(), "2023020001"));
        assertThat(routed.kind()).isEqualTo("budget-requested");
        assertThat(routed.body()).contains("300.00 yuan").contains("acmore编程协会").doesNotContain("club-acmore");
        assertThat(routed.clubIds()).isEmpty();
        assertThat(routed.subjectRef()).isEqualTo("activity:act-1");
        assertThat(NoticeKinds.defaultsFor("department:finance")).contains("budget-requested");
    }

    @Test
    void attendanceMakesNoNoticeAndAnEventWithoutItsActivityIsRefused() {
        EventEnvelope attendance = new EventEnvelope("e1", ActivityEventTypes.ATTENDANCE_PUBLISHED, "/event-service", "act-1",
                START, "system", 3, EventNoticesTest.JSON.writeValueAsString(new ActivityAttendance(joint(), 1, 0, List.of("1"))));
        assertThat(ActivityEventNotices.of(attendance, EventNoticesTest.INBOUND, EventNoticesTest.NAMES)).isEmpty();
        EventEnvelope broken = new EventEnvelope("e2", ActivityEventTypes.CANCELLED, "/event-service", "act-1", START,
                "system", 4, "{\"reason\":\"no activity\"}");
        assertThatThrownBy(() -> ActivityEventNotices.of(broken, EventNoticesTest.INBOUND, EventNoticesTest.NAMES))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("activity");
    }
}
