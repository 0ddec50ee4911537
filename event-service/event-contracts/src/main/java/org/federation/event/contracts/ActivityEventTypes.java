package org.federation.event.contracts;

/** The {@code ce_type} values event-service publishes on {@link ActivityTopics#ACTIVITY_EVENTS}. */
public final class ActivityEventTypes {

    /**
     * An activity asks the Finance Department for a budget. Key = activity id. finance-service
     * answers with {@code org.federation.finance.budget-decided.v1}. A newer request for the same
     * activity (higher {@code sequence}) replaces one not decided yet. Payload: {@link BudgetRequested}.
     */
    public static final String BUDGET_REQUESTED = "org.federation.activity.budget-requested.v1";

    private ActivityEventTypes() {
    }
}
