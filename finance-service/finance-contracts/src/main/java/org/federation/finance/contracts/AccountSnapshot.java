package org.federation.finance.contracts;

import java.time.Instant;

/**
 * An account's current public state, carried by every event about it.
 *
 * @param id         the account id (the event's key)
 * @param owner      {@code club} or {@code federation}
 * @param clubId     the owning club, for club accounts; null otherwise
 * @param name       a readable name, e.g. the club's name
 * @param balanceFen balance in fen (1/100 yuan), derived from the ledger
 * @param state      {@code open}, {@code settled}
 * @param openedAt   when the account was opened
 */
public record AccountSnapshot(String id, String owner, String clubId, String name, long balanceFen, String state,
                              Instant openedAt) {
}
