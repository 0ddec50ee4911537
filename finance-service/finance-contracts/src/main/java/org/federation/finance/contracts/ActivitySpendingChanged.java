package org.federation.finance.contracts;

/**
 * {@code org.federation.finance.activity-spending-changed.v1}: an expense claim against an
 * activity's budget was booked; {@code budget} carries the spending so far (spent, remaining,
 * claims), which event-service shows in the activity's summary report. Keyed by the activity id.
 *
 * @param budget     the budget after the claim
 * @param claimId    the claim just booked
 * @param claimedFen its amount in fen
 * @param category   its expense category, e.g. {@code venue}, {@code printing}
 */
public record ActivitySpendingChanged(BudgetSnapshot budget, String claimId, long claimedFen, String category) {
}
