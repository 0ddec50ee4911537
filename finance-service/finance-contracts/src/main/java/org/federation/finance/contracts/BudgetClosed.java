package org.federation.finance.contracts;

/**
 * {@code org.federation.finance.budget-closed.v1}: an activity's budget was closed and what
 * remained of it released; no expense claim is accepted after. Keyed by the activity id.
 *
 * @param budget      the budget after closing (state {@code closed}, remaining 0)
 * @param releasedFen what remained unclaimed and is released, in fen (0 for a request never decided)
 * @param cause       {@code claim-window-passed} (the activity ended and its claim window passed),
 *                    {@code activity-cancelled}, or {@code closed-by-finance}
 * @param reason      a human-readable reason
 */
public record BudgetClosed(BudgetSnapshot budget, long releasedFen, String cause, String reason) {
}
