package org.federation.finance.contracts;

import java.time.Instant;

/**
 * An account's current public state, carried by every event about it.
 *
 * @param id         the account id (the event's key)
 * @param owner      {@code club} or {@code federation}
 * @param clubId     the owning club, for club accounts; null otherwise
 * @param name       a readable name, e.g. the club's name
 * @param kind       {@code fund} (money a club or the federation holds), {@code income} or {@code expense}
 * @param balanceFen balance in fen (1/100 yuan) on the account's normal side, always the sum of its ledger entries
 * @param state      {@code open}; {@code settled} (dissolved club) or {@code merged} (merged-away club): closed
 * @param openedAt   when the account was opened
 */
public record AccountSnapshot(String id, String owner, String clubId, String name, String kind, long balanceFen, String state,
                              Instant openedAt) {
}
