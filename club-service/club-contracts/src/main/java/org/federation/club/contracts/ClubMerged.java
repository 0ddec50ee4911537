package org.federation.club.contracts;

import java.util.List;

/**
 * Clubs merged into a successor. Published under each involved club's key: for a merged-away
 * club, {@code club} is that club (state {@code merged}, {@code successorId} set); for the
 * successor, {@code club} equals {@code successor}.
 *
 * @param club          the snapshot of the club this event is keyed by
 * @param successor     the successor's snapshot after the merger (members carried over)
 * @param mergedAwayIds the clubs that ended in the merger
 * @param mergerId      the merger's id, the same on every event of one merger
 */
public record ClubMerged(ClubSnapshot club, ClubSnapshot successor, List<String> mergedAwayIds, String mergerId) {
}
