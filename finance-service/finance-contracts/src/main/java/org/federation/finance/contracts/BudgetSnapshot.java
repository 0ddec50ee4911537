package org.federation.finance.contracts;

import java.time.Instant;

/**
 * An activity's budget as finance-service keeps it, carried by every budget event (key = activity id).
 *
 * @param activityId       the activity (the event's key)
 * @param title            the activity's title
 * @param clubId           the organising club, or null for a federation programme
 * @param department       the organising department of a federation programme, or null
 * @param requestedFen     what the activity asked for, in fen
 * @param state            {@code requested}, {@code approved}, {@code rejected} or {@code closed}
 * @param approvedFen      what the Finance Department allocated (0 unless approved)
 * @param spentFen         the sum of accepted expense claims not withdrawn
 * @param remainingFen     what may still be claimed: approved minus spent, 0 once closed; never below 0
 * @param claimCount       how many expense claims were accepted (withdrawn ones included)
 * @param fundingAccountId the account the spending is paid from, once approved
 * @param decidedBy        who decided, or null
 * @param decidedAt        when, or null
 */
public record BudgetSnapshot(String activityId, String title, String clubId, String department, long requestedFen,
                             String state, long approvedFen, long spentFen, long remainingFen, int claimCount,
                             String fundingAccountId, String decidedBy, Instant decidedAt) {
}
