package org.federation.finance.budgets.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.budgets.domain.Budget;
import org.federation.finance.budgets.domain.Budgets;
import org.federation.finance.ledger.application.BookingCalendar;
import org.federation.finance.ledger.application.Ledger;
import org.federation.finance.ledger.application.Sweep;
import org.federation.finance.accounts.domain.AccountKinds;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.finance.ledger.domain.Withdrawal;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.messaging.ConcurrentAggregateUpdateException;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The Finance Department's budget desk: requests arrive from {@code activity.events}, the
 * department decides, and expense claims spend what was approved. A claim is accepted by one
 * conditional update of the budget document ({@code remainingFen >= amount}), then booked in the
 * ledger (the activity's expense paid from the funding account), then the spending is published.
 */
@Service
public class BudgetDesk implements Sweep.Unbooked {

    private static final Logger log = LoggerFactory.getLogger(BudgetDesk.class);

    /** What a claimant says about an expense. */
    public record ClaimRequest(long amountFen, String category, String description, String payee,
                               java.time.LocalDate spentOn, Budget.Receipt receipt) {
    }

    private final Budgets budgets;
    private final Accounts accounts;
    private final Ledger ledger;
    private final BookingCalendar calendar;

    BudgetDesk(Budgets budgets, Accounts accounts, Ledger ledger, BookingCalendar calendar) {
        this.budgets = budgets;
        this.accounts = accounts;
        this.ledger = ledger;
        this.calendar = calendar;
    }

    public void receive(Budget request) {
        budgets.receive(request);
    }

    public Budget get(String activityId) {
        return budgets.find(activityId).orElseThrow(() -> new ResourceNotFoundException("budget of activity", activityId));
    }

    /**
     * Approves all or part of a request. The money is paid from {@code fundingAccountId}, by default
     * the organising club's account, or for a federation programme its department's budget.
     */
    public Budget approve(String activityId, long approvedFen, String fundingAccountId, String note, String actor,
                          String decisionId) {
        Budget budget = get(activityId);
        if (budget.madeDecision(decisionId)) {
            return budget; // a retry of this approval (its first attempt died before answering): made once
        }
        String funding = fundingAccountId != null ? fundingAccountId
                : budget.clubId() != null ? Account.clubAccountId(budget.clubId())
                : budget.department() != null ? AccountKinds.departmentBudget(budget.department())
                : AccountKinds.GENERAL_FUND;
        Account account = accounts.find(funding).orElseThrow(() -> new RuleViolationException("fundingAccountId",
                "account " + funding + " does not exist" + (fundingAccountId == null ? " (the organiser's account, the default)" : "")));
        if (!AccountKinds.FUND.equals(account.kind())) {
            throw new RuleViolationException("fundingAccountId", funding + " is an " + account.kind()
                    + " account; activities are paid from a fund");
        }
        if (account.clubId() != null && !account.clubId().equals(budget.clubId())) {
            throw new RuleViolationException("fundingAccountId", funding + " belongs to another club; an activity is paid"
                    + " from its own club's account or from a federation fund");
        }
        if (!account.isOpen()) {
            throw new IllegalTransitionException("paying from account " + funding, account.state(), List.of());
        }
        return budgets.change(activityId, current -> current.approve(approvedFen, funding, note, actor, calendar.now(), decisionId))
                .state();
    }

    /** Rejects the request as decision {@code decisionId} (derived from the Idempotency-Key: a retry changes nothing). */
    public Budget reject(String activityId, String reason, String actor, String decisionId) {
        get(activityId);
        return budgets.change(activityId, current -> current.reject(reason, actor, calendar.now(), decisionId)).state();
    }

    /**
     * Claims an expense against the budget, as claim {@code claimId} (derived from the request's
     * Idempotency-Key: asking again with it returns the claim, booked once). Refused with 409 when the budget is not approved or the
     * claim exceeds what remains, also when concurrent claims got there first.
     */
    public Budget.Claim claim(String activityId, ClaimRequest request, String actor, String claimId) {
        Budget budget = get(activityId);
        Budget.Claim earlier = budget.claims().stream().filter(c -> c.id().equals(claimId)).findFirst().orElse(null);
        if (earlier != null) {
            // a retry of a claim whose first attempt got this far (a crash before its answer): the same claim
            if (!earlier.booked() && !earlier.withdrawn()) {
                book(activityId, budget, earlier);
            }
            return get(activityId).claim(claimId);
        }
        ledger.checkBookingDate(request.spentOn(), "spentOn");
        ledger.checkBookingDate(request.receipt().issuedOn(), "receipt.issuedOn");
        budget.checkClaim(request.amountFen());
        Budget.Claim claim = new Budget.Claim(claimId, request.amountFen(), request.category(), request.description(),
                request.payee(), request.receipt(), request.spentOn(), actor, calendar.now(),
                Budget.Claim.transactionIdOf(claimId), false, null);
        Transaction booking = bookingOf(budget, claim);
        ledger.check(booking);
        if (!budgets.addClaim(activityId, claim)) {
            Budget now = get(activityId);
            now.checkClaim(request.amountFen());
            throw now.overBudget(request.amountFen()); // a concurrent claim took what remained
        }
        book(activityId, budget, claim);
        return claim;
    }

    /**
     * Withdraws a claim as a correction: recorded on the budget first (its amount is spent no more
     * and may be claimed again while the budget is open), then its ledger transaction is reversed;
     * the sweep writes the reversal if a crash comes between. 404 for an unknown claim, 409 if it
     * was withdrawn already or the budget is not approved or closed. {@code withdrawalId} is derived from the
     * request's Idempotency-Key: a retry of the same withdrawal answers with it again (reversing the booking if
     * its first attempt got no further), once.
     */
    public Budget.Claim withdraw(String activityId, String claimId, String reason, String actor, String withdrawalId) {
        Budget budget = get(activityId);
        Budget.Claim claim = budget.claim(claimId);
        if (!claim.withdrawn()) {
            // refused with nothing recorded if the ledger could not reverse it (its funding account closed)
            ledger.checkReversal(bookingOf(budget, claim), reason, actor);
        }
        if (!claim.booked() && !claim.withdrawn()) {
            book(activityId, budget, claim); // an interrupted claim is booked before it can be reversed
        }
        Budget changed = budgets.change(activityId,
                current -> current.withdraw(claimId, withdrawalId, reason, actor, calendar.now())).state();
        Budget.Claim withdrawn = changed.claim(claimId);
        if (!withdrawn.withdrawal().booked()) {
            bookWithdrawal(changed, withdrawn);
        }
        return get(activityId).claim(claimId);
    }

    private void bookWithdrawal(Budget budget, Budget.Claim claim) {
        Withdrawal withdrawal = claim.withdrawal();
        ledger.reverseAtSource(claim.transactionId(), "claim withdrawn: " + withdrawal.reason(), withdrawal.withdrawnBy());
        budgets.change(budget.id(), current -> current.withdrawalBooked(claim.id()));
    }

    /**
     * The Finance Department closes a budget by hand, as closing {@code closureId} (derived from the
     * Idempotency-Key: a retry changes nothing): what remains is released; 409 unless requested or approved.
     */
    public Budget close(String activityId, String reason, String actor, String closureId) {
        get(activityId);
        return budgets.change(activityId,
                current -> current.close(closureId, Budget.CLOSED_BY_FINANCE, reason, actor, calendar.now())).state();
    }

    /** The activity was cancelled: its budget closes (if it has one and it is open); a repeat changes nothing. */
    public void activityCancelled(String activityId, String reason) {
        if (budgets.find(activityId).isPresent()) {
            budgets.change(activityId, current -> current.close(Budget.ACTIVITY_CANCELLED,
                    "the activity was cancelled" + (reason == null ? "" : ": " + reason), DomainEvent.SYSTEM,
                    calendar.now()));
        }
    }

    /** The activity's newest snapshot says when it ends: the claim window counts from there. */
    public void activityEnds(String activityId, Instant endsAt) {
        if (budgets.find(activityId).isPresent()) {
            budgets.change(activityId, current -> current.activityEnds(endsAt));
        }
    }

    /**
     * Closes every open budget whose activity ended more than {@code claimWindow} ago, releasing
     * what remains. Version-checked changes and a no-op close of a closed budget make it safe for
     * several instances.
     */
    public int closeAfterClaimWindow(Duration claimWindow) {
        int closed = 0;
        for (Budget budget : budgets.openWithActivityEndedBefore(calendar.now().minus(claimWindow))) {
            Decision<Budget> closing = budgets.change(budget.id(), current -> current.close(Budget.CLAIM_WINDOW_PASSED,
                    "the activity ended at " + budget.activityEndsAt() + " and claims were accepted for " + claimWindow
                            + " after", DomainEvent.SYSTEM, calendar.now()));
            if (!closing.events().isEmpty()) {
                closed++;
                log.info("Closed activity {}'s budget after its claim window: {} fen released",
                        budget.id(), closing.state().closure().releasedFen());
            }
        }
        return closed;
    }

    private void book(String activityId, Budget budget, Budget.Claim claim) {
        ledger.postChecked(bookingOf(budget, claim));
        for (int attempt = 1; attempt <= 20; attempt++) {
            try {
                budgets.change(activityId, current -> current.booked(claim.id()));
                return;
            } catch (ConcurrentAggregateUpdateException busy) {
                // other claims are being booked on this budget; try again, the sweep finishes it otherwise
            }
        }
        log.warn("Claim {} on activity {} is booked; its spending event waits for the sweep", claim.id(), activityId);
    }

    /** The claim's ledger transaction: the activity's expense, paid from the budget's funding account. */
    static Transaction bookingOf(Budget budget, Budget.Claim claim) {
        return Transaction.create(claim.transactionId(), Transaction.EXPENSE_CLAIM, claim.category(),
                "Activity " + budget.title() + ": " + claim.description() + " (" + claim.payee() + ", receipt "
                        + claim.receipt().number() + ")", claim.claimedBy(),
                new Transaction.Source("expense-claim", claim.id(), budget.id()), claim.spentOn(), claim.claimedAt(),
                List.of(Line.debit(AccountKinds.ACTIVITY_EXPENSES, claim.amountFen(), budget.id()),
                        Line.credit(budget.fundingAccountId(), claim.amountFen(), claim.payee())), null);
    }

    @Override
    public void bookUnbooked(Instant before) {
        for (Budget budget : budgets.withUnbookedClaims(before)) {
            for (Budget.Claim claim : budget.unbookedClaims().stream().filter(c -> c.claimedAt().isBefore(before)).toList()) {
                Sweep.oneRecord("claim " + claim.id() + " on activity " + budget.id(), () -> {
                    log.warn("Booking claim {} on activity {}, accepted but not booked (an interrupted request)", claim.id(),
                            budget.id());
                    book(budget.id(), budget, claim);
                });
            }
        }
        for (Budget budget : budgets.withUnbookedWithdrawals(before)) {
            for (Budget.Claim claim : budget.unbookedWithdrawals()) {
                Sweep.oneRecord("the withdrawal of claim " + claim.id() + " on activity " + budget.id(), () -> {
                    log.warn("Reversing withdrawn claim {} on activity {} (an interrupted withdrawal)", claim.id(), budget.id());
                    bookWithdrawal(budget, claim);
                });
            }
        }
    }
}
