package org.federation.event.contracts;

import java.util.List;

/**
 * {@code org.federation.activity.budget-requested.v1}: an activity's organisers ask for money
 * (key = activity id). finance-service's Finance Department decides and answers with
 * {@code org.federation.finance.budget-decided.v1}.
 *
 * @param activityId  the activity
 * @param title       the activity's title
 * @param clubId      the organising club whose account pays (for a joint activity, the one its organisers chose when
 *                    they asked; by default the first organiser), or null for a department's programme
 * @param department  the organising department for a programme, or null
 * @param amountFen   the total asked, in fen
 * @param purpose     what the money is for
 * @param items       the lines of the request (their amounts add up to {@code amountFen})
 * @param requestedBy who asked
 * @param organiserClubIds every organising club of the activity (their leaders act on its budget), {@code clubId}
 *                    among them; optional (added later): absent means {@code clubId} alone
 */
public record BudgetRequested(String activityId, String title, String clubId, String department, long amountFen,
                              String purpose, List<BudgetItem> items, String requestedBy, List<String> organiserClubIds) {

    /** A request from before {@code organiserClubIds}: the paying club is the only organiser known. */
    public BudgetRequested(String activityId, String title, String clubId, String department, long amountFen,
                           String purpose, List<BudgetItem> items, String requestedBy) {
        this(activityId, title, clubId, department, amountFen, purpose, items, requestedBy, null);
    }

    /** Every organising club: {@code organiserClubIds}, or {@code clubId} alone when the event does not carry them. */
    public List<String> organisers() {
        if (organiserClubIds != null && !organiserClubIds.isEmpty()) {
            return organiserClubIds;
        }
        return clubId == null ? List.of() : List.of(clubId);
    }

    /** One line of the request. */
    public record BudgetItem(String description, long amountFen) {
    }
}
