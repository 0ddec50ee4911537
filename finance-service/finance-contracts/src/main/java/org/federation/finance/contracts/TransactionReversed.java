package org.federation.finance.contracts;

/**
 * A transaction was reversed by a reversing transaction (the same lines on the other side, booked
 * on the day of the reversal). Key = the reversing transaction's id ({@code rev-<original id>}).
 * Actor = who reversed it.
 *
 * @param reversal the reversing transaction ({@code kind = reversal}, {@code reverses} = the original)
 * @param reverses the id of the transaction it undoes
 */
public record TransactionReversed(LedgerTransaction reversal, String reverses) {
}
