package org.federation.club.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.federation.platform.problem.StateConflictException;
import org.junit.jupiter.api.Test;

/**
 * Membership is held once, in {@link Memberships}: the member list is the open periods less the
 * current leaders, and leadership changes keep the periods coherent (plain Java, no Spring).
 */
class ClubMembershipTest {

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant DAY_LATER = NOW.plusSeconds(86_400);
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);

    private static Club club() {
        return Club.importExisting("c", new ExistingClub("Chess", ClubCategory.SPORTS, LocalDate.of(2015, 9, 1), "李雷",
                "L", "chess@example.edu", List.of("M1", "M2")), "org", NOW, Period.ofYears(1)).state();
    }

    private static ElectionMeeting electing(String president) {
        return new ElectionMeeting(TODAY, 10, true, List.of(new ElectionMeeting.CandidateVotes(president, "P", 8)),
                List.of(new Leader(president, "P", Leader.PRESIDENT)), "L", NOW);
    }

    private static long openPeriodsOf(Club club, String studentNumber) {
        return club.memberships().periods().stream()
                .filter(p -> p.studentNumber().equals(studentNumber) && p.leftAt() == null).count();
    }

    @Test
    void theMemberListIsTheOpenPeriodsLessTheLeaders() {
        Club club = club().admit("S", "孙", "L", NOW).state();
        assertThat(club.memberStudentNumbers()).containsExactly("M1", "M2", "S");
        assertThat(club.admit("S", "孙", "L", NOW).events()).as("a retried approval").isEmpty();
        assertThat(club.admit("L", "李雷", "L", NOW).events()).as("a leader is not admitted as a member").isEmpty();
    }

    @Test
    void aMemberElectedLeaderKeepsTheirPeriodAndIsAMemberAgainOnSteppingDownWithoutASecondOne() {
        Club elected = club().recordElection(electing("M1"), NOW).state().confirmHandover("org", DAY_LATER, Period.ofYears(1))
                .state();
        assertThat(elected.memberStudentNumbers()).containsExactly("M2", "L");
        assertThat(openPeriodsOf(elected, "M1")).isOne();
        assertThat(openPeriodsOf(elected, "L")).as("the leader stepping down joins as a member").isOne();

        Club back = elected.recordElection(electing("M2"), DAY_LATER).state()
                .confirmHandover("org", DAY_LATER.plusSeconds(86_400), Period.ofYears(1)).state();
        assertThat(back.memberStudentNumbers()).containsExactly("M1", "L");
        assertThat(openPeriodsOf(back, "M1")).as("no second period for a returning member").isOne();

        Club left = back.endMembership("M1", "left", null, "M1", DAY_LATER.plusSeconds(90_000)).state();
        assertThat(left.memberStudentNumbers()).containsExactly("L");
        assertThat(openPeriodsOf(left, "M1")).as("leaving closes their only period").isZero();
    }

    @Test
    void aLeaderReplacedByAnOpenRecruitmentIsAMemberWithAPeriodFromThatDay() {
        Club appointed = club().appointLeader(new Leader("X", "王五", Leader.PRESIDENT), "pos", "org", DAY_LATER).state();

        assertThat(appointed.memberStudentNumbers()).containsExactly("M1", "M2", "L");
        assertThat(appointed.memberships().on(TODAY.plusDays(1))).extracting(Memberships.Period::studentNumber)
                .as("the roster of that day shows both: the appointee's period and the former leader's")
                .contains("X", "L");
        assertThat(appointed.endMembership("L", "left", null, "L", DAY_LATER.plusSeconds(60)).state()
                .memberStudentNumbers()).containsExactly("M1", "M2");
    }

    @Test
    void onlyAMemberCanLeave() {
        Club club = club();
        assertThatThrownBy(() -> club.endMembership("nobody", "left", null, "nobody", NOW))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("nobody is not a member of club c");
        assertThatThrownBy(() -> club.endMembership("L", "left", null, "L", NOW)).as("a leader is not a member")
                .isInstanceOf(StateConflictException.class);
        Club left = club.endMembership("M1", "removed", "inactive", "L", NOW).state();
        assertThatThrownBy(() -> left.endMembership("M1", "left", null, "M1", NOW))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void aStoredListIsTheAuthorityWhenItDisagreesWithThePeriods() {
        Instant removedAt = Instant.parse("2026-09-05T08:00:00Z");
        List<Memberships.Period> stored = List.of(
                new Memberships.Period("M1", null, TODAY, null, null, null),
                new Memberships.Period("X", "王五", TODAY, removedAt, "removed", "inactive"),
                new Memberships.Period("X", null, TODAY.plusDays(2), null, null, null));

        Memberships read = Memberships.fromStored(stored, List.of("M1", "L"), List.of("P"));

        assertThat(read.members(List.of("P"))).containsExactly("M1", "L");
        assertThat(read.periods()).filteredOn(p -> p.studentNumber().equals("X")).allSatisfy(p -> {
            assertThat(p.leftAt()).isEqualTo(removedAt);
            assertThat(p.how()).isEqualTo("removed");
        });
        assertThat(Memberships.fromStored(read.periods(), read.members(List.of("P")), List.of("P")))
                .as("reading what was written since changes nothing").isEqualTo(read);
        assertThat(Memberships.fromStored(null, List.of("M1", "M2"), List.of("P")).members(List.of("P")))
                .as("a club stored before periods were kept").containsExactly("M1", "M2");
    }

    /**
     * The federation's day is Beijing's: a member admitted at 07:00 there joined that day (the UTC
     * date is still the day before), and a member who leaves at 07:00 is no longer on that day's roster.
     */
    @Test
    void joinAndLeaveDatesAreTheFederationsDaysNotUtcs() {
        Instant sevenInBeijing = Instant.parse("2026-12-06T23:00:00Z");
        LocalDate beijingDay = LocalDate.of(2026, 12, 7);

        Club admitted = club().admit("S", "孙", "L", sevenInBeijing).state();
        Memberships.Period period = admitted.memberships().periods().stream()
                .filter(p -> p.studentNumber().equals("S")).findFirst().orElseThrow();
        assertThat(period.joinedOn()).isEqualTo(beijingDay);

        Club left = admitted.endMembership("M1", "left", null, "M1", sevenInBeijing).state();
        assertThat(left.memberships().on(beijingDay)).extracting(Memberships.Period::studentNumber)
                .as("gone that day").doesNotContain("M1");
        assertThat(left.memberships().on(beijingDay.minusDays(1))).extracting(Memberships.Period::studentNumber)
                .as("still a member the day before").contains("M1");
    }
}
