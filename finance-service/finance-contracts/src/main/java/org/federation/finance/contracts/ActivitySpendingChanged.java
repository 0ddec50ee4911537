package org.federation.finance.contracts;

/**
 * {@code org.federation.finance.activity-spending-changed.v1}: an expense claim against an
 * activity's budget was booked, or withdrawn as a correction (its ledger transaction is reversed);
 * {@code budget} carries the spending so far (spent, remaining, claims), which event-service shows
 * in the activity's summary report. Keyed by the activity id; the newest event's budget is the truth.
 *
 * @param budget     the budget after the claim or its withdrawal
 * @param claimId    the claim booked or withdrawn
 * @param claimedFen its amount in fen (positive also for a withdrawal)
 * @param category   its expense category, e.g. {@code venue}, {@code printing}
 * @param withdrawn  true when the claim was withdrawn: its amount no longer counts as spent
 */
public record ActivitySpendingChanged(BudgetSnapshot budget, String claimId, long claimedFen, String category,
                                      boolean withdrawn) {
}
