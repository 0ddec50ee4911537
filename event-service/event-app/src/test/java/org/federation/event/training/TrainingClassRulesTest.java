package org.federation.event.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.federation.event.training.domain.AttendanceRecord;
import org.federation.event.training.domain.Trainee;
import org.federation.event.training.domain.TrainingClass;
import org.federation.event.training.domain.TrainingSession;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.junit.jupiter.api.Test;

/** The training class's own rules: sessions, enrolment, withdrawal, attendance and its rate. */
class TrainingClassRulesTest {

    static final Instant NOW = Instant.parse("2026-11-24T00:00:00Z");

    static TrainingSession.Plan session(int day) {
        Instant start = NOW.plus(day, ChronoUnit.DAYS);
        return new TrainingSession.Plan(start, start.plus(2, ChronoUnit.HOURS), "Room 101", "Topic " + day, null, null);
    }

    static TrainingClass opened(int capacity, int sessions) {
        List<TrainingSession.Plan> plans = java.util.stream.IntStream.rangeClosed(1, sessions).mapToObj(d -> session(d)).toList();
        return TrainingClass.open("tc-1", "Future Managers", "organization", null, capacity, plans, "2099000003", NOW);
    }

    static Trainee trainee(String number) {
        return Trainee.enrolled(number, "Name " + number, "club-a", "Club A", "Team 1", NOW);
    }

    /** Issue 19: opening, a session added and an enrolment are facts with the actor who caused them; a refusal tells nothing. */
    @Test
    void openingSchedulingAndAdmittingAreEventsByWhoActed() {
        var created = TrainingClass.create("tc-1", "Future Managers", "organization", null, 1, List.of(session(1)),
                "2099000003", NOW);
        assertThat(created.events()).extracting(e -> e.type() + " by " + e.actor())
                .containsExactly(org.federation.event.contracts.ActivityEventTypes.TRAINING_CLASS_CREATED + " by 2099000003");
        var scheduled = created.state().schedule(session(2), "2099000004");
        assertThat(scheduled.events()).extracting(e -> e.type() + " by " + e.actor())
                .containsExactly(org.federation.event.contracts.ActivityEventTypes.TRAINING_CLASS_CHANGED + " by 2099000004");
        assertThat(((org.federation.event.contracts.TrainingClassChanged) scheduled.events().get(0).payload())
                .trainingClass().sessions()).hasSize(2);
        var admitted = scheduled.state().admit(trainee("20260001"), "2099000003");
        var enrolled = (org.federation.event.contracts.TraineeEnrolled) admitted.events().get(0).payload();
        assertThat(admitted.events().get(0).type()).isEqualTo(org.federation.event.contracts.ActivityEventTypes.TRAINEE_ENROLLED);
        assertThat(enrolled.studentNumber()).isEqualTo("20260001");
        assertThat(enrolled.trainingClass().enrolled()).isEqualTo(1);
        assertThatThrownBy(() -> admitted.state().admit(trainee("20260002"), "2099000003"))
                .as("full: refused, so no event").isInstanceOf(StateConflictException.class);
    }

    @Test
    void sessionsAreNumberedInTheOrderTheyAreAdded() {
        TrainingClass c = opened(10, 2).addSession(session(9));
        assertThat(c.sessions()).extracting(TrainingSession::number).containsExactly(1, 2, 3);
        assertThat(c.sessions().get(2).topic()).isEqualTo("Topic 9");
    }

    @Test
    void aClassNeedsSessionsAndACapacityInRange() {
        assertThatThrownBy(() -> opened(10, 0)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> opened(0, 1)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> opened(501, 1)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> opened(10, 41)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aSessionEndsAfterItStartsWithinADayAndGivesBothLayoutNumbersOrNeither() {
        assertThatThrownBy(() -> new TrainingSession.Plan(NOW, NOW, "v", "t", null, null))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> new TrainingSession.Plan(NOW, NOW.plus(25, ChronoUnit.HOURS), "v", "t", null, null))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> new TrainingSession.Plan(NOW, NOW.plusSeconds(60), "v", "t", 5, null))
                .isInstanceOf(RuleViolationException.class);
        assertThat(new TrainingSession.Plan(NOW, NOW.plusSeconds(60), "v", "t", 5, 8).rows()).isEqualTo(5);
    }

    @Test
    void aStudentIsEnrolledOnceAndNeverBeyondTheCapacity() {
        TrainingClass c = opened(2, 1).enrol(trainee("20260001"));
        TrainingClass once = c;
        assertThatThrownBy(() -> once.enrol(trainee("20260001"))).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("already enrolled");
        TrainingClass full = c.enrol(trainee("20260002"));
        assertThatThrownBy(() -> full.enrol(trainee("20260003"))).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("full");
    }

    @Test
    void aWithdrawalFreesThePlaceAndMayBeUndoneByEnrollingAgain() {
        TrainingClass c = opened(1, 1).enrol(trainee("20260001")).withdraw("20260001", NOW);
        assertThat(c.enrolled()).isEmpty();
        assertThat(c.withdraw("20260001", NOW)).as("withdrawing again changes nothing").isSameAs(c);
        TrainingClass other = c.enrol(trainee("20260002"));
        assertThat(other.enrolled()).extracting(Trainee::studentNumber).containsExactly("20260002");
        assertThat(other.roster()).hasSize(2);
        assertThatThrownBy(() -> c.withdraw("20269999", NOW)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void markingIsIdempotentAndTheLastMarkCounts() {
        TrainingClass c = opened(5, 2).enrol(trainee("20260001"));
        TrainingClass marked = c.mark(1, "20260001", "late", "staff", NOW);
        assertThat(marked.mark(1, "20260001", "late", "staff", NOW.plusSeconds(5))).isSameAs(marked);
        TrainingClass corrected = marked.mark(1, "20260001", "present", "staff", NOW);
        assertThat(corrected.marks()).hasSize(1);
        assertThat(corrected.markOf(1, "20260001").orElseThrow().status()).isEqualTo("present");
    }

    @Test
    void markingRefusesUnknownSessionsAndTraineesWithdrawnTraineesAndUnknownStatuses() {
        TrainingClass c = opened(5, 2).enrol(trainee("20260001")).enrol(trainee("20260002")).withdraw("20260002", NOW);
        assertThatThrownBy(() -> c.mark(3, "20260001", "present", "s", NOW)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> c.mark(1, "20269999", "present", "s", NOW)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> c.mark(1, "20260002", "present", "s", NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> c.mark(1, "20260001", "asleep", "s", NOW)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void theRateCountsPresentAndLateOutOfPresentLateAndAbsentIgnoringExcusedAndUnmarked() {
        TrainingClass c = opened(5, 5).enrol(trainee("20260001"))
                .mark(1, "20260001", "present", "s", NOW)
                .mark(2, "20260001", "late", "s", NOW)
                .mark(3, "20260001", "absent", "s", NOW)
                .mark(4, "20260001", "excused", "s", NOW);
        AttendanceRecord record = c.attendanceOf("20260001");
        assertThat(record.statuses()).containsExactly("present", "late", "absent", "excused", null);
        assertThat(record.rate()).isEqualTo(0.667);
        assertThat(opened(5, 2).enrol(trainee("20260001")).attendanceOf("20260001").rate()).as("nothing counted yet").isNull();
    }

    @Test
    void aSessionsAttendanceListsEveryEnrolledTraineeAndWithdrawnOnesThatWereMarked() {
        TrainingClass c = opened(5, 1).enrol(trainee("20260002")).enrol(trainee("20260001")).enrol(trainee("20260003"))
                .mark(1, "20260003", "absent", "s", NOW).withdraw("20260003", NOW).enrol(trainee("20260004"))
                .withdraw("20260004", NOW);
        assertThat(c.attendanceAt(1)).extracting(a -> a.trainee().studentNumber() + ":" + a.status())
                .containsExactly("20260001:null", "20260002:null", "20260003:absent");
    }

    @Test
    void aTraineeRatesTheClassOnceTheLastRatingCountingAndAWithdrawnOneNotAtAll() {
        TrainingClass c = opened(5, 1).enrol(trainee("20260001")).enrol(trainee("20260002")).withdraw("20260002", NOW);
        TrainingClass rated = c.giveFeedback("20260001", 4, "good", NOW);
        assertThat(rated.giveFeedback("20260001", 4, "good", NOW.plusSeconds(1))).isSameAs(rated);
        TrainingClass again = rated.giveFeedback("20260001", 2, null, NOW.plusSeconds(2));
        assertThat(again.feedback()).hasSize(1);
        assertThat(again.summary().averageRating()).isEqualTo(2.0);
        assertThatThrownBy(() -> c.giveFeedback("20260001", 0, null, NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> c.giveFeedback("20260001", 6, null, NOW)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> c.giveFeedback("20260002", 3, null, NOW)).isInstanceOf(StateConflictException.class);
        assertThatThrownBy(() -> c.giveFeedback("20269999", 3, null, NOW)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theReportIsWrittenAfterTheLastSessionAndSumsUpAttendanceAndFeedback() {
        TrainingClass c = opened(5, 3).enrol(trainee("20260001")).enrol(trainee("20260002"))
                .mark(1, "20260001", "present", "s", NOW).mark(1, "20260002", "absent", "s", NOW)
                .mark(2, "20260001", "excused", "s", NOW)
                .giveFeedback("20260001", 5, "more cases", NOW).giveFeedback("20260002", 4, " ", NOW.plusSeconds(1));
        Instant lastEnd = c.sessions().get(2).end();
        assertThatThrownBy(() -> c.writeReport("early", "s", lastEnd.minusSeconds(1))).isInstanceOf(StateConflictException.class);
        TrainingClass reported = c.writeReport("went well", "s", lastEnd);
        assertThat(reported.report().summary()).isEqualTo("went well");
        assertThat(reported.writeReport("went well", "other", lastEnd.plusSeconds(9))).isSameAs(reported);
        var summary = reported.summary();
        assertThat(summary.attendanceRate()).isEqualTo(0.5);
        assertThat(summary.averageRating()).isEqualTo(4.5);
        assertThat(summary.comments()).containsExactly("more cases");
        assertThat(summary.sessions().get(2).unmarked()).isEqualTo(2);
        assertThat(summary.sessions().get(0).absent()).isEqualTo(1);
    }
}
