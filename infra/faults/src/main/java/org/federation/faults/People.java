package org.federation.faults;

import java.util.List;

/** Who the workload acts as: federation staff with fixed numbers, students it makes up. */
final class People {

    static final String ORGANIZATION_MEMBER = "2022010002";
    static final String FINANCE_HEAD = "2022020001";
    static final String PRESIDIUM = "2022000001";

    private final Platform platform;

    People(Platform platform) {
        this.platform = platform;
    }

    String organizationMember() {
        return platform.token(ORGANIZATION_MEMBER, "干事1", List.of("DEPARTMENT:organization", "STUDENT"));
    }

    String financeHead() {
        return platform.token(FINANCE_HEAD, "部长2", List.of("DEPARTMENT_HEAD:finance", "STUDENT"));
    }

    /** The presidium reads everything (queries for the invariants, operators' endpoints). */
    String presidium() {
        return platform.token(PRESIDIUM, "周主席", List.of("PRESIDIUM", "STUDENT"));
    }

    String student(String number) {
        return platform.token(number, "学生" + number.substring(number.length() - 4), List.of("STUDENT"));
    }
}
