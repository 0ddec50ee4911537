package org.federation.finance.contracts;

/**
 * A transaction was posted to the ledger (any kind but a reversal: manual postings, fees, expense
 * claims, sponsorship receipts, settlements, mergers). Key = transaction id. Actor = who booked it,
 * or {@code system} for the saga's own postings.
 *
 * @param transaction the transaction
 */
public record TransactionPosted(LedgerTransaction transaction) {
}
