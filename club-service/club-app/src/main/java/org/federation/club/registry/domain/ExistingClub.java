package org.federation.club.registry.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the federation knows of a club that existed before the platform: enough to bring it in
 * with its original founding date, its current leader and, where known, its members.
 */
public record ExistingClub(String name, ClubCategory category, LocalDate foundedOn, String leaderName,
                           String leaderStudentNumber, String contact, List<String> memberStudentNumbers) {

    public ExistingClub {
        memberStudentNumbers = memberStudentNumbers == null ? List.of() : List.copyOf(memberStudentNumbers);
    }
}
