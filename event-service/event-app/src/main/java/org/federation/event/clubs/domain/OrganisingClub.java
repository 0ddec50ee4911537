package org.federation.event.clubs.domain;

import java.time.Instant;
import java.util.List;

/**
 * event-service's copy of a club, kept from {@code club.events}: what it needs to decide who may
 * organise activities, who counts as a member and who is its liaison officer (who reads its
 * internal data, {@code docs/security.md}). Never asked of the club again.
 */
public record OrganisingClub(String id, String name, String category, String state, String registrationYear,
                             List<String> leaderStudentNumbers, List<String> memberStudentNumbers,
                             String successorId, long sequence, Instant firstSeenAt, String liaisonOfficer) {

    /** Whether this student leads or belongs to the club: the club-scoped right, derived here, not from the token. */
    public boolean includes(String studentNumber) {
        return (leaderStudentNumbers != null && leaderStudentNumbers.contains(studentNumber))
                || (memberStudentNumbers != null && memberStudentNumbers.contains(studentNumber));
    }
}
