package org.federation.finance.contracts;

/**
 * {@code org.federation.finance.account-merged.v1}: a merged-away club's balance moved to its
 * successor's account (a ledger transaction) and the account was closed. Keyed by the closed
 * account's id.
 *
 * @param account            the closed account's snapshot (state {@code merged})
 * @param clubId             the merged-away club
 * @param successorClubId    the club it merged into
 * @param successorAccountId the account that received the balance
 * @param movedFen           the balance moved, in fen
 * @param mergerId           the merger, as club-service names it
 */
public record AccountMerged(AccountSnapshot account, String clubId, String successorClubId, String successorAccountId,
                            long movedFen, String mergerId) {
}
