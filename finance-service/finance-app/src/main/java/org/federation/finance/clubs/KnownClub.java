package org.federation.finance.clubs;

import java.time.Instant;
import java.util.List;

import org.federation.club.contracts.ClubLeader;

/**
 * finance-service's copy of a club, kept from {@code club.events}: whose account it is and who
 * leads the club (statements go to its leaders and treasurer).
 */
public record KnownClub(String id, String name, String state, List<ClubLeader> leaders, String successorId,
                        long sequence, Instant firstSeenAt) {
}
