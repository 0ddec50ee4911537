package org.federation.event.budget.application;

import java.util.Optional;

import org.federation.event.budget.application.BudgetRequests.BudgetRequest;

/**
 * Budget requests made before the activity's own document held them (kept apart then, read only
 * now): an activity that has one there cannot ask again.
 */
public interface EarlierBudgetRequests {

    boolean exists(String activityId);

    Optional<BudgetRequest> find(String activityId);
}
