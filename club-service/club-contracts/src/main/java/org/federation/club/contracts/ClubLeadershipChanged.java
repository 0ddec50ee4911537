package org.federation.club.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * A new leadership term began after a confirmed election.
 *
 * @param club            the snapshot with the new leaders
 * @param previousLeaders who led the club until now
 * @param electedOn       the election meeting's date
 * @param termEndsOn      when the new term ends (a handover is due by then)
 */
public record ClubLeadershipChanged(ClubSnapshot club, List<ClubLeader> previousLeaders, LocalDate electedOn,
                                    LocalDate termEndsOn) {
}
