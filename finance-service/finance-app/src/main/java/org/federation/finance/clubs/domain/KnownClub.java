package org.federation.finance.clubs.domain;

import java.time.Instant;
import java.util.List;

import org.federation.club.contracts.ClubLeader;

/**
 * finance-service's copy of a club, kept from {@code club.events}: whose account it is, who
 * leads the club (statements go to its leaders and treasurer) and who belongs to it (members see
 * their club's accounts) and who its liaison officer is (who reads its finances, {@code docs/security.md})).
 */
public record KnownClub(String id, String name, String state, List<ClubLeader> leaders,
                        List<String> memberStudentNumbers, String successorId, long sequence, Instant firstSeenAt,
                        String liaisonOfficer) {

    /** Whether this student leads or belongs to the club: the club-scoped right, derived here, not from the token. */
    public boolean includes(String studentNumber) {
        return (leaders != null && leaders.stream().anyMatch(l -> studentNumber.equals(l.studentNumber())))
                || (memberStudentNumbers != null && memberStudentNumbers.contains(studentNumber));
    }
}
