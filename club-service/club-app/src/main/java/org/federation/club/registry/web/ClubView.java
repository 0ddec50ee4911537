package org.federation.club.registry.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Leader;

/** A club as the API shows it. */
public record ClubView(String id, String name, String category, String state, LocalDate foundedOn,
                       String registrationYear, List<Leader> leaders, int memberCount, String contact,
                       Instant enteredAt) {

    static ClubView of(Club club) {
        return new ClubView(club.id(), club.name(), club.category().value(), club.state().value(), club.foundedOn(),
                club.registrationYear(), club.leaders(), club.memberStudentNumbers().size(), club.contact(),
                club.enteredAt());
    }
}
