package org.federation.club.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubSnapshot;

/**
 * A club on the platform. Its operations return the new club together with the events they
 * produce; persistence and publishing are someone else's job.
 */
public record Club(String id, String name, ClubCategory category, ClubState state, LocalDate foundedOn,
                   String registrationYear, List<Leader> leaders, List<String> memberStudentNumbers,
                   String liaisonOfficer, String contact, Instant enteredAt, String enteredBy) {

    /** A club and the events that brought it to this state. */
    public record Change(Club club, List<Object> events) {
    }

    /**
     * Brings an existing club onto the platform: active, with its original founding date and
     * its current leader as president, its known members, and who brought it in. Produces {@code established} with origin {@code imported}.
     */
    public static Change importExisting(String id, ExistingClub existing, String actor, Instant now) {
        if (existing.foundedOn().isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
            throw new org.federation.platform.problem.RuleViolationException("foundedOn",
                    "an existing club cannot have been founded in the future (" + existing.foundedOn() + ")");
        }
        Club club = new Club(id, existing.name().strip(), existing.category(), ClubState.ACTIVE, existing.foundedOn(),
                null, List.of(new Leader(existing.leaderStudentNumber().strip(), existing.leaderName().strip(),
                        Leader.PRESIDENT)),
                existing.memberStudentNumbers().stream().map(String::strip).distinct()
                        .filter(member -> !member.equals(existing.leaderStudentNumber().strip())).toList(),
                null, existing.contact().strip(), now, actor);
        return new Change(club, List.of(new ClubEstablished(club.snapshot(), ClubEstablished.IMPORTED)));
    }

    /** The public snapshot every event about this club carries. */
    public ClubSnapshot snapshot() {
        return new ClubSnapshot(id, name, category.value(), state.value(), foundedOn, registrationYear,
                leaders.stream().map(l -> new ClubLeader(l.studentNumber(), l.name(), l.role())).toList(),
                memberStudentNumbers, liaisonOfficer, null, contact);
    }
}
