package org.federation.finance.contracts;

/**
 * {@code org.federation.finance.budget-decided.v1}: the Finance Department decided an activity's
 * budget request. Keyed by the activity id; event-service shows the decision on the activity.
 *
 * @param budget   the budget after the decision
 * @param decision {@code approved} (in full), {@code partly-approved} or {@code rejected}
 * @param reason   the department's note or reason for rejection, or null
 */
public record BudgetDecided(BudgetSnapshot budget, String decision, String reason) {
}
