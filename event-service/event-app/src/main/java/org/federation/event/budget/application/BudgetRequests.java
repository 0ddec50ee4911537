package org.federation.event.budget.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.event.EventResources;
import org.federation.platform.security.Remit;
import java.time.Instant;
import java.util.List;

import org.federation.event.activities.application.ActivityPlanning;
import org.federation.event.activities.domain.Activities;
import org.federation.event.activities.domain.Activity;
import org.federation.event.budget.domain.FinanceOutcomes;
import org.federation.event.contracts.BudgetRequested;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * A budget request accompanying a proposal (one per activity): stored in the activity's own
 * document together with its event (one write, the activity's outbox; requests made before that
 * are still read from {@code budget-requests}) and published as {@code budget-requested} for finance-service to decide;
 * finance's decision and the spending booked against the budget are shown with it once
 * {@code finance.events} brings them ({@link FinanceOutcomes}).
 */
@Service
public class BudgetRequests {

    static final long MAX_FEN = 100_000_000_00L;

    /**
     * A request as stored ({@code clubId}: the organising club whose account pays); {@code decision} and {@code spending} are finance-service's, filled in when
     * the request is read (null until finance has decided, or booked a claim).
     */
    public record BudgetRequest(String id, String clubId, long amountFen, List<BudgetRequested.BudgetItem> items,
                                String requestedBy, Instant requestedAt, FinanceOutcomes.Decision decision,
                                FinanceOutcomes.Spending spending) {

        static BudgetRequest of(String activityId, String clubId, Activity.BudgetRequest request) {
            return new BudgetRequest(activityId, clubId, request.amountFen(), request.items(), request.requestedBy(),
                    request.requestedAt(), null, null);
        }

        BudgetRequest withFinance(FinanceOutcomes.Decision decided, FinanceOutcomes.Spending spent) {
            return new BudgetRequest(id, clubId, amountFen, items, requestedBy, requestedAt, decided, spent);
        }
    }

    private final EarlierBudgetRequests earlier;
    private final ActivityPlanning planning;
    private final Activities activities;
    private final BusinessClock clock;
    private final FinanceOutcomes finance;

    BudgetRequests(EarlierBudgetRequests earlier, ActivityPlanning planning, Activities activities, BusinessClock clock,
                   FinanceOutcomes finance) {
        this.finance = finance;
        this.earlier = earlier;
        this.planning = planning;
        this.activities = activities;
        this.clock = clock;
    }

    public BudgetRequest request(String activityId, List<BudgetRequested.BudgetItem> items, Caller caller) {
        return request(activityId, items, null, caller);
    }

    /**
     * Asks for a budget; {@code payingClubId} names the organising club whose account pays (a joint activity's
     * organisers choose; null = the first organiser). 422 if it is not one of the organisers.
     */
    public BudgetRequest request(String activityId, List<BudgetRequested.BudgetItem> items, String payingClubId,
                                 Caller caller) {
        Activity activity = planning.get(activityId);
        if (!Activity.AWAITING_CONFIRMATION.equals(activity.state()) && !Activity.PROPOSED.equals(activity.state())) {
            throw new IllegalTransitionException("requesting a budget for activity " + activityId, activity.state(),
                    activity.allowedActions());
        }
        long total = 0;
        for (BudgetRequested.BudgetItem item : items) {
            if (item.amountFen() <= 0 || item.amountFen() > MAX_FEN) {
                throw new RuleViolationException("items", "each item is between 1 fen and " + MAX_FEN + " fen");
            }
            total += item.amountFen();
        }
        if (total > MAX_FEN) {
            throw new RuleViolationException("items", "a request is at most " + MAX_FEN + " fen");
        }
        boolean organiser = planning.ledByCaller(activity, caller)
                || (activity.organisingDepartment() != null && caller.actsFor(activity.organisingDepartment()));
        if (!organiser) {
            throw new ForbiddenException("a budget request is made by the activity's organisers");
        }
        if (activity.budgetRequest() == null && earlier.exists(activityId)) {
            throw new StateConflictException("activity " + activityId + " already has a budget request");
        }
        Activity.BudgetRequest request = new Activity.BudgetRequest(total, items, caller.subject(), clock.instant(),
                payingClubId);
        // the request and its event in one write of the activity's document (its outbox)
        Activity requested = activities.change(activityId, a -> a.requestBudget(request)).state();
        return BudgetRequest.of(activityId, requested.payingClubId(), request);
    }

    public BudgetRequest get(String activityId, Caller caller) {
        Activity activity = planning.get(activityId);
        Remit.requireReadsClubs(caller, EventResources.BUDGETS, planning.ledByCaller(activity, caller),
                planning.liaisonOfficers(activity), "activity " + activityId + "'s budget request");
        BudgetRequest request = activity.budgetRequest() != null
                ? BudgetRequest.of(activityId, activity.payingClubId(), activity.budgetRequest())
                : earlier.find(activityId).orElse(null); // kept apart before the activity held it
        if (request == null) {
            throw new ResourceNotFoundException("budget request of activity", activityId);
        }
        return request.withFinance(finance.decision(activityId).orElse(null), finance.spending(activityId).orElse(null));
    }
}
