package org.federation.finance.budgets.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.federation.finance.contracts.ActivitySpendingChanged;
import org.federation.finance.contracts.BudgetClosed;
import org.federation.finance.contracts.BudgetDecided;
import org.federation.finance.contracts.BudgetSnapshot;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.ledger.domain.Withdrawal;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;

/**
 * An activity's budget: requested on {@code activity.events}, decided by the Finance Department
 * (approved in full or in part, or rejected), then spent by expense claims. The amount still
 * available, {@code remainingFen}, lives in this one document, and a claim passes only by a
 * conditional update of it ({@code remainingFen >= amount}), so concurrent claims never overspend.
 * Each accepted claim is booked in the ledger (expense paid from the funding account) and the
 * spending so far is published.
 *
 * @param id               the activity id
 * @param requestSequence  the sequence of the newest request applied (a newer one replaces an undecided request)
 * @param fundingAccountId the account claims are paid from, chosen at approval
 * @param activityEndsAt   when the activity ends, from its published snapshot (the claim window counts from it), or null
 * @param decisionId       the id of the Finance Department's decision (approval or rejection), derived from the
 *                         caller and the request's Idempotency-Key: a retry of that decision finds it here, or null
 * @param closure          why and when the budget was closed and what it released, or null while open
 * @param clubId           the organising club whose account pays (chosen when the budget was requested), or null for a
 *                         federation programme
 * @param organiserClubIds every organising club of the activity: the leaders of each act on the budget
 */
public record Budget(String id, String title, String clubId, String department, long requestedFen, String purpose,
                     String requestedBy, long requestSequence, Instant requestedAt, String state, long approvedFen,
                     long spentFen, long remainingFen, String fundingAccountId, String decidedBy, Instant decidedAt,
                     String note, String decisionId, List<Claim> claims, Instant activityEndsAt, Closure closure,
                     List<String> organiserClubIds) {

    public Budget {
        // a budget stored before joint activities were told apart has its paying club as its only organiser
        organiserClubIds = organiserClubIds == null || organiserClubIds.isEmpty()
                ? (clubId == null ? List.of() : List.of(clubId)) : List.copyOf(organiserClubIds);
    }

    /** Whether {@code clubId} organises the activity (its leaders act on the budget). */
    public boolean organisedBy(String club) {
        return club != null && organiserClubIds.contains(club);
    }

    public static final String REQUESTED = "requested";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String CLOSED = "closed";

    /** Why a budget closes (the {@code cause} of {@code budget-closed}). */
    public static final String CLAIM_WINDOW_PASSED = "claim-window-passed";
    public static final String ACTIVITY_CANCELLED = "activity-cancelled";
    public static final String CLOSED_BY_FINANCE = "closed-by-finance";

    /**
     * A budget's closing: what remained and was released, why, by whom.
     *
     * @param id the closing's id when the Finance Department closed it by hand (derived from the caller and the
     *           request's Idempotency-Key, so a retry finds it), null for the automatic causes
     */
    public record Closure(String id, long releasedFen, String cause, String reason, String closedBy, Instant closedAt) {
    }

    /**
     * An expense claim against the budget, with its receipt.
     *
     * @param spentOn       the day the money was spent (the booking date)
     * @param transactionId the ledger transaction that books it
     * @param booked        whether that transaction is written (the sweep books it after a crash)
     * @param withdrawal    its withdrawal, or null
     */
    public record Claim(String id, long amountFen, String category, String description, String payee, Receipt receipt,
                        LocalDate spentOn, String claimedBy, Instant claimedAt, String transactionId, boolean booked,
                        Withdrawal withdrawal) {

        public static String transactionIdOf(String claimId) {
            return "claim-" + claimId;
        }

        Claim markedBooked() {
            return new Claim(id, amountFen, category, description, payee, receipt, spentOn, claimedBy, claimedAt,
                    transactionId, true, withdrawal);
        }

        Claim withWithdrawal(Withdrawal newWithdrawal) {
            return new Claim(id, amountFen, category, description, payee, receipt, spentOn, claimedBy, claimedAt,
                    transactionId, booked, newWithdrawal);
        }

        public boolean withdrawn() {
            return withdrawal != null;
        }
    }

    /**
     * A receipt (发票 or 收据) for an expense.
     *
     * @param number   the receipt's number
     * @param issuedOn when it was issued
     * @param issuer   who issued it (the seller)
     */
    public record Receipt(String number, LocalDate issuedOn, String issuer) {
    }

    public static Budget requested(String activityId, String title, String clubId, String department, long requestedFen,
                                   String purpose, String requestedBy, long sequence, Instant now) {
        return requested(activityId, title, clubId, List.of(), department, requestedFen, purpose, requestedBy, sequence, now);
    }

    /** A request of an activity organised by {@code organiserClubIds} and paid by {@code clubId}, one of them. */
    public static Budget requested(String activityId, String title, String clubId, List<String> organiserClubIds,
                                   String department, long requestedFen, String purpose, String requestedBy, long sequence,
                                   Instant now) {
        return new Budget(activityId, title, clubId, department, requestedFen, purpose, requestedBy, sequence, now,
                REQUESTED, 0, 0, 0, null, null, null, null, null, List.of(), null, null, organiserClubIds);
    }

    /** A newer request replaces one not decided yet; anything else (a repeat, a late one) changes nothing. */
    public Decision<Budget> requestedAgain(Budget newer) {
        if (!REQUESTED.equals(state) || newer.requestSequence() <= requestSequence) {
            return Decision.quietly(this);
        }
        // event-service announced the request; finance-service has nothing to add until it decides
        return Decision.quietly(new Budget(id, newer.title(), newer.clubId(), newer.department(), newer.requestedFen(),
                newer.purpose(), newer.requestedBy(), newer.requestSequence(), requestedAt, state, approvedFen, spentFen,
                remainingFen, fundingAccountId, decidedBy, decidedAt, note, decisionId, claims, activityEndsAt, closure, newer.organiserClubIds()));
    }

    public List<String> allowedActions() {
        return switch (state) {
            case REQUESTED -> List.of("approve", "reject", "close");
            case APPROVED -> List.of("claim", "withdraw-claim", "close");
            case CLOSED -> List.of("withdraw-claim");
            default -> List.of();
        };
    }

    /**
     * Whether decision {@code id} (an approval or a rejection, or a closing by hand) was made on this budget
     * already: a retry of it, after the instance that made it died before answering, changes nothing.
     */
    public boolean madeDecision(String id) {
        return id != null && (id.equals(decisionId) || closure != null && id.equals(closure.id()));
    }

    /**
     * Approves {@code amountFen} (all or part of the request), paid from {@code fundingAccountId}, as decision
     * {@code decisionId}; a retry of that decision changes nothing.
     */
    public Decision<Budget> approve(long amountFen, String fundingAccountId, String note, String actor, Instant now,
                                    String decisionId) {
        if (madeDecision(decisionId)) {
            return Decision.quietly(this);
        }
        requireState(REQUESTED, "approving");
        if (amountFen < 1 || amountFen > requestedFen) {
            throw new RuleViolationException("approvedFen", "must be from 1 to the " + requestedFen + " fen requested");
        }
        Budget approved = new Budget(id, title, clubId, department, requestedFen, purpose, requestedBy, requestSequence,
                requestedAt, APPROVED, amountFen, 0, amountFen, fundingAccountId, actor, now, note, decisionId, claims, activityEndsAt,
                null, organiserClubIds);
        return decided(approved, amountFen == requestedFen ? "approved" : "partly-approved", note, actor);
    }

    /** Rejects the request as decision {@code decisionId}; a retry of that decision changes nothing. */
    public Decision<Budget> reject(String reason, String actor, Instant now, String decisionId) {
        if (madeDecision(decisionId)) {
            return Decision.quietly(this);
        }
        requireState(REQUESTED, "rejecting");
        Budget rejected = new Budget(id, title, clubId, department, requestedFen, purpose, requestedBy, requestSequence,
                requestedAt, REJECTED, 0, 0, 0, null, actor, now, reason, decisionId, claims, activityEndsAt, null, organiserClubIds);
        return decided(rejected, "rejected", reason, actor);
    }

    private static Decision<Budget> decided(Budget decided, String outcome, String note, String actor) {
        return Decision.of(decided, new DomainEvent(FinanceEventTypes.BUDGET_DECIDED, actor,
                new BudgetDecided(decided.snapshot(), outcome, note)));
    }

    /**
     * Checks a claim against the budget as last read: the budget must be approved and the claim
     * within what remains (409 otherwise). The store repeats the remaining check in its conditional
     * update, which is what makes it hold under concurrency.
     */
    public void checkClaim(long amountFen) {
        requireState(APPROVED, "claiming an expense");
        if (amountFen > remainingFen) {
            throw overBudget(amountFen);
        }
    }

    public StateConflictException overBudget(long amountFen) {
        return new StateConflictException("the claim of " + amountFen + " fen exceeds what remains of activity " + id
                + "'s budget: " + remainingFen + " of " + approvedFen + " fen");
    }

    public void requireState(String expected, String what) {
        if (!expected.equals(state)) {
            throw new IllegalTransitionException(what + " (activity " + id + "'s budget)", state, allowedActions());
        }
    }

    /**
     * The claim's ledger transaction is written: the spending so far is published, once per claim,
     * as the claimant's doing (whoever finished the booking: the claim request itself or the sweep).
     */
    public Decision<Budget> booked(String claimId) {
        List<Claim> updated = new ArrayList<>();
        Claim bookedClaim = null;
        for (Claim claim : claims) {
            if (claim.id().equals(claimId) && !claim.booked()) {
                bookedClaim = claim.markedBooked();
                updated.add(bookedClaim);
            } else {
                updated.add(claim);
            }
        }
        if (bookedClaim == null) {
            return Decision.quietly(this);
        }
        return spendingChanged(withClaims(spentFen, remainingFen, updated), bookedClaim, false, bookedClaim.claimedBy());
    }

    public List<Claim> unbookedClaims() {
        return claims.stream().filter(c -> !c.booked()).toList();
    }

    public Claim claim(String claimId) {
        return claims.stream().filter(c -> c.id().equals(claimId)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("claim on activity " + id + "'s budget", claimId));
    }

    /**
     * Withdraws a booked claim as a correction (a wrong amount, a receipt that was not valid): its
     * amount is spent no more and, while the budget is open, may be claimed again; the claim stays
     * on record with the reason. The ledger transaction is reversed after this change is stored.
     * A retry of withdrawal {@code withdrawalId} changes nothing; any other second withdrawal is a 409.
     */
    public Decision<Budget> withdraw(String claimId, String withdrawalId, String reason, String actor, Instant now) {
        if (claims.stream().anyMatch(c -> c.id().equals(claimId) && c.withdrawn() && c.withdrawal().is(withdrawalId))) {
            return Decision.quietly(this);
        }
        if (!APPROVED.equals(state) && !CLOSED.equals(state)) {
            throw new IllegalTransitionException("withdrawing a claim (activity " + id + "'s budget)", state,
                    allowedActions());
        }
        Claim claim = claim(claimId);
        if (claim.withdrawn()) {
            throw new StateConflictException("claim " + claimId + " was already withdrawn on " + claim.withdrawal().withdrawnAt()
                    + " by " + claim.withdrawal().withdrawnBy() + ": " + claim.withdrawal().reason());
        }
        if (!claim.booked()) {
            throw new StateConflictException("claim " + claimId + " is still being booked; withdraw it in a moment");
        }
        List<Claim> updated = claims.stream().map(c -> c.id().equals(claimId)
                ? c.withWithdrawal(new Withdrawal(withdrawalId, reason, actor, now, false)) : c).toList();
        Budget next = withClaims(spentFen - claim.amountFen(),
                CLOSED.equals(state) ? 0 : remainingFen + claim.amountFen(), updated);
        return spendingChanged(next, claim, true, actor);
    }

    private static Decision<Budget> spendingChanged(Budget next, Claim claim, boolean withdrawn, String actor) {
        return Decision.of(next, new DomainEvent(FinanceEventTypes.ACTIVITY_SPENDING_CHANGED, actor,
                new ActivitySpendingChanged(next.snapshot(), claim.id(), claim.amountFen(), claim.category(), withdrawn)));
    }

    /** The withdrawn claim's reversal is written (the withdrawal was published already). */
    public Decision<Budget> withdrawalBooked(String claimId) {
        List<Claim> updated = claims.stream().map(c -> c.id().equals(claimId) && c.withdrawn() && !c.withdrawal().booked()
                ? c.withWithdrawal(c.withdrawal().reversalBooked()) : c).toList();
        return Decision.quietly(withClaims(spentFen, remainingFen, updated));
    }

    public List<Claim> unbookedWithdrawals() {
        return claims.stream().filter(c -> c.withdrawn() && !c.withdrawal().booked()).toList();
    }

    /**
     * Closes the budget: what remains is released and no claim is accepted after. Closing a
     * request never decided releases nothing. A closed or rejected budget closes no further: by
     * the Finance Department's hand that is a 409; for the automatic causes (the activity was
     * cancelled, its claim window passed) it changes nothing, so redelivered events are harmless.
     */
    public Decision<Budget> close(String cause, String reason, String actor, Instant now) {
        return close(null, cause, reason, actor, now);
    }

    /** Closes the budget as closing {@code closureId} (by hand; see {@link #close(String, String, String, Instant)}); a retry of it changes nothing. */
    public Decision<Budget> close(String closureId, String cause, String reason, String actor, Instant now) {
        if (madeDecision(closureId)) {
            return Decision.quietly(this);
        }
        if (!REQUESTED.equals(state) && !APPROVED.equals(state)) {
            if (CLOSED_BY_FINANCE.equals(cause)) {
                throw new IllegalTransitionException("closing activity " + id + "'s budget", state, allowedActions());
            }
            return Decision.quietly(this);
        }
        Budget closed = new Budget(id, title, clubId, department, requestedFen, purpose, requestedBy, requestSequence,
                requestedAt, CLOSED, approvedFen, spentFen, 0, fundingAccountId, decidedBy, decidedAt, note, this.decisionId, claims,
                activityEndsAt, new Closure(closureId, remainingFen, cause, reason, actor, now), organiserClubIds);
        return Decision.of(closed, new DomainEvent(FinanceEventTypes.BUDGET_CLOSED, actor,
                new BudgetClosed(closed.snapshot(), remainingFen, cause, reason)));
    }

    /** The activity's end as its newest snapshot says (a reschedule moves the claim window with it). */
    public Decision<Budget> activityEnds(Instant endsAt) {
        if (endsAt == null || endsAt.equals(activityEndsAt)) {
            return Decision.quietly(this);
        }
        return Decision.quietly(new Budget(id, title, clubId, department, requestedFen, purpose, requestedBy,
                requestSequence, requestedAt, state, approvedFen, spentFen, remainingFen, fundingAccountId, decidedBy,
                decidedAt, note, decisionId, claims, endsAt, closure, organiserClubIds));
    }

    private Budget withClaims(long newSpentFen, long newRemainingFen, List<Claim> newClaims) {
        return new Budget(id, title, clubId, department, requestedFen, purpose, requestedBy, requestSequence,
                requestedAt, state, approvedFen, newSpentFen, newRemainingFen, fundingAccountId, decidedBy, decidedAt,
                note, decisionId, List.copyOf(newClaims), activityEndsAt, closure, organiserClubIds);
    }

    public BudgetSnapshot snapshot() {
        return new BudgetSnapshot(id, title, clubId, department, requestedFen, state, approvedFen, spentFen, remainingFen,
                claims.size(), fundingAccountId, decidedBy, decidedAt);
    }
}
