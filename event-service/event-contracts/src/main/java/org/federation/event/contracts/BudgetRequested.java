package org.federation.event.contracts;

/**
 * {@code org.federation.activity.budget-requested.v1}: an activity asks for a budget. The minimal
 * contract finance-service needs; event-service will publish it with the activities issue.
 *
 * @param activityId   the activity (the event's key and subject)
 * @param title        the activity's title, for people deciding
 * @param clubId       the organising club, or null for a federation programme
 * @param department   the organising department of a federation programme (e.g. {@code publicity}), or null
 * @param requestedFen the amount asked for, in fen (1/100 yuan), positive
 * @param purpose      what the money is for
 * @param requestedBy  the student or staff number of whoever asked
 */
public record BudgetRequested(String activityId, String title, String clubId, String department, long requestedFen,
                              String purpose, String requestedBy) {
}
