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
        assertThat(head.isFederationStaff()).isTrue();

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
        assertThat(student.isFederationStaff()).isFalse();
        assertThat(Caller.of("3", null, null, null).roles()).isEmpty();
    }

    @Test
    void clubInsidersAndStaffPassTheClubCheckOthersAreRefusedWith403() {
        Caller student = Caller.of("2023010001", null, null, List.of("STUDENT"));
        student.requireStaffOrInsider(true, "club x's accounts");
        assertThatThrownBy(() -> student.requireStaffOrInsider(false, "club x's accounts"))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("club x's accounts");
        assertThatThrownBy(() -> student.requireFederationStaff("the directory")).isInstanceOf(ForbiddenException.class);
        Caller.of("9", null, null, List.of("LIAISON")).requireStaffOrInsider(false, "club x's accounts");
    }
}
