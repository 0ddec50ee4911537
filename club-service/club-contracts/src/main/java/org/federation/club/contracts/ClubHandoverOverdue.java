package org.federation.club.contracts;

import java.time.LocalDate;

/**
 * A club's leadership term ended and no election was confirmed: the handover is overdue (the
 * notification service chases it).
 *
 * @param club         the snapshot (still with the outgoing leaders)
 * @param termEndedOn  the last day of the term
 * @param electionRecorded true if an election was recorded but not yet confirmed
 */
public record ClubHandoverOverdue(ClubSnapshot club, LocalDate termEndedOn, boolean electionRecorded) {
}
