package org.federation.club.registry.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.federation.club.registry.domain.Club;

/**
 * A club as the public directory shows it: open to anonymous callers, so leaders appear by name
 * and role, never by student number, and members only as a count.
 */
public record ClubView(String id, String name, String category, String state, LocalDate foundedOn,
                       String registrationYear, List<PublicLeader> leaders, int memberCount, String contact,
                       Instant enteredAt) {

    /** A leader as the public sees them. */
    public record PublicLeader(String name, String role) {
    }

    static ClubView of(Club club) {
        return new ClubView(club.id(), club.name(), club.category().value(), club.state().value(), club.foundedOn(),
                club.registrationYear(), club.leaders().stream().map(l -> new PublicLeader(l.name(), l.role())).toList(),
                club.memberStudentNumbers().size(), club.contact(), club.enteredAt());
    }
}
