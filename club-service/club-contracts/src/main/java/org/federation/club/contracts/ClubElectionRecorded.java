package org.federation.club.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * A club recorded its leader election meeting; the new leaders take office only once the
 * Organization Department confirms it.
 *
 * @param club          the snapshot (leaders unchanged yet)
 * @param heldOn        the meeting's date
 * @param membersPresent how many members attended
 * @param quorumReached whether the meeting was quorate by the club's constitution
 * @param elected       who was elected, with their roles
 */
public record ClubElectionRecorded(ClubSnapshot club, LocalDate heldOn, int membersPresent, boolean quorumReached,
                                   List<ClubLeader> elected) {
}
