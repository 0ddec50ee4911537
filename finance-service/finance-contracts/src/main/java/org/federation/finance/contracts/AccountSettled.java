package org.federation.finance.contracts;

/**
 * {@code org.federation.finance.account-settled.v1}: a dissolving club's account was settled (its
 * balance moved by the federation's rule) and closed. Keyed by the account id; club-service
 * completes the dissolution saga from it.
 *
 * @param account         the account's snapshot after settlement (state {@code settled})
 * @param clubId          the dissolving club
 * @param settledBalanceFen the balance that was moved out of the account, in fen
 * @param movedTo         the account that received it
 */
public record AccountSettled(AccountSnapshot account, String clubId, long settledBalanceFen, String movedTo) {
}
