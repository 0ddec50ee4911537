package org.federation.event.contracts;

import java.util.List;

/**
 * A budget request accompanying an activity's proposal, for finance-service to decide. Amounts in fen
 * (1/100 yuan). {@code clubId} is the first organising club, or null for a department's programme.
 */
public record BudgetRequested(String activityId, String clubId, long amountFen, List<BudgetItem> items, String requestedBy) {

    /** One line of the request. */
    public record BudgetItem(String description, long amountFen) {
    }
}
