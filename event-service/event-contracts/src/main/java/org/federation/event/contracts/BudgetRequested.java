package org.federation.event.contracts;

import java.util.List;

/**
 * {@code org.federation.activity.budget-requested.v1}: an activity's organisers ask for money
 * (key = activity id). finance-service's Finance Department decides and answers with
 * {@code org.federation.finance.budget-decided.v1}.
 *
 * @param activityId  the activity
 * @param title       the activity's title
 * @param clubId      the organising club, or null for a department's programme
 * @param department  the organising department for a programme, or null
 * @param amountFen   the total asked, in fen
 * @param purpose     what the money is for
 * @param items       the lines of the request (their amounts add up to {@code amountFen})
 * @param requestedBy who asked
 */
public record BudgetRequested(String activityId, String title, String clubId, String department, long amountFen,
                              String purpose, List<BudgetItem> items, String requestedBy) {

    /** One line of the request. */
    public record BudgetItem(String description, long amountFen) {
    }
}
