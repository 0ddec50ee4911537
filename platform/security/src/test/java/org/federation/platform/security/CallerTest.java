package org.federation.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.federation.platform.problem.ForbiddenException;
import org.junit.jupiter.api.Test;

/** The one way every service reads a token's roles. */
class CallerTest {

    @Test
    void readsEveryFederationRoleAndIgnoresAnythingElse() {
        Caller caller = Caller.of("2023010001", "李雷", "l@example.edu", List.of("PRESIDIUM", "DEPARTMENT:finance",
                "DEPARTMENT_HEAD:organization", "LIAISON", "STUDENT", "ADMIN", "DEPARTMENT:kitchen", "DEPARTMENT",
                "PRESIDIUM:extra", "department:finance", ""));
        assertThat(caller.roles()).extracting(FederationRole::toString).containsExactlyInAnyOrder("PRESIDIUM",
                "DEPARTMENT:finance", "DEPARTMENT_HEAD:organization", "LIAISON", "STUDENT");
    }

    @Test
    void aHeadIsInTheirDepartmentAndActsForItButNotForOthers() {
        Caller head = Caller.of("1", null, null, List.of("DEPARTMENT_HEAD:organization", "STUDENT"));
        assertThat(head.inDepartment("organization")).isTrue();
        assertThat(head.headsDepartment("organization")).isTrue();
        assertThat(head.actsFor("organization")).isTrue();
        assertThat(head.actsFor("finance")).isFalse();

        Caller member = Caller.of("2", null, null, List.of("DEPARTMENT:finance"));
        assertThat(member.headsDepartment("finance")).isFalse();
        assertThat(member.actsFor("finance")).isTrue();
    }

    @Test
    void thePresidiumActsForEveryDepartmentAndAStudentForNone() {
        Caller presidium = Caller.of("1", null, null, List.of("PRESIDIUM"));
        Caller student = Caller.of("2", null, null, List.of("STUDENT"));
        for (String department : FederationRole.DEPARTMENTS) {
            assertThat(presidium.actsFor(department)).isTrue();
            assertThat(student.actsFor(department)).isFalse();
        }
        assertThat(Caller.of("3", null, null, null).roles()).isEmpty();
    }

    @Test
    void clubInsidersPassTheClubCheckOthersAreRefusedWith403() {
        Caller student = Caller.of("2023010001", null, null, List.of("STUDENT"));
        Remit.requireReadsClub(student, "ledger", true, null, "club x's accounts");
        assertThatThrownBy(() -> Remit.requireReadsClub(student, "ledger", false, null, "club x's accounts"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("club x's accounts");
        assertThatThrownBy(() -> Remit.requireReads(student, "members", "the directory")).isInstanceOf(ForbiddenException.class);
    }

    /**
     * Issue 23, point 2: before, any role but STUDENT was "federation staff" and read every club's
     * internal data; a liaison officer of another club and a department outside its remit passed.
     */
    @Test
    void aDepartmentReadsItsRemitAndALiaisonOfficerOnlyTheClubsAssignedToThem() {
        Caller finance = Caller.of("4", null, null, List.of("DEPARTMENT:finance", "STUDENT"));
        assertThat(Remit.reads(finance, "ledger")).isTrue();
        assertThat(Remit.reads(finance, "members")).as("outside its remit").isFalse();
        Caller organizationHead = Caller.of("5", null, null, List.of("DEPARTMENT_HEAD:organization"));
        assertThat(Remit.reads(organizationHead, "members")).isTrue();
        assertThat(Remit.reads(organizationHead, "ledger")).isFalse();
        Caller presidium = Caller.of("1", null, null, List.of("PRESIDIUM"));
        assertThat(Remit.reads(presidium, "ledger") && Remit.reads(presidium, "evaluations")).isTrue();

        Caller liaison = Caller.of("9", null, null, List.of("LIAISON", "STUDENT"));
        assertThat(Remit.readsClub(liaison, "ledger", "9")).as("the club the roster assigns to them").isTrue();
        assertThat(Remit.readsClub(liaison, "ledger", "8")).as("another officer's club").isFalse();
        assertThat(Remit.readsClub(liaison, "ledger", null)).as("a club without a liaison officer").isFalse();
        assertThat(Remit.reads(liaison, "ledger")).as("nothing across clubs").isFalse();
        assertThatThrownBy(() -> Remit.requireReadsClub(liaison, "ledger", false, "8", "club y's accounts"))
                .isInstanceOf(ForbiddenException.class);
        assertThat(Remit.readsClubs(liaison, "activities", List.of("7", "9"))).isTrue();
        for (String department : FederationRole.DEPARTMENTS) {
            assertThat(Remit.readsOf(department)).as(department).contains(Remit.CREDENTIAL_VERIFICATION);
        }
    }
}
