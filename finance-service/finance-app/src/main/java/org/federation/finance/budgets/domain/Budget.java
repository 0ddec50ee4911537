package org.federation.finance.budgets.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.federation.finance.contracts.ActivitySpendingChanged;
import org.federation.finance.contracts.BudgetDecided;
import org.federation.finance.contracts.BudgetSnapshot;
import org.federation.platform.problem.IllegalTransitionException;
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
 */
public record Budget(String id, String title, String clubId, String department, long requestedFen, String purpose,
                     String requestedBy, long requestSequence, Instant requestedAt, String state, long approvedFen,
                     long spentFen, long remainingFen, String fundingAccountId, String decidedBy, Instant decidedAt,
                     String note, List<Claim> claims) {

    public static final String REQUESTED = "requested";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    /** A budget and the events its latest change produced. */
    public record Change(Budget budget, List<Object> events) {
    }

    /**
     * An expense claim against the budget, with its receipt.
     *
     * @param spentOn       the day the money was spent (the booking date)
     * @param transactionId the ledger transaction that books it
     * @param booked        whether that transaction is written (the sweep books it after a crash)
     */
    public record Claim(String id, long amountFen, String category, String description, String payee, Receipt receipt,
                        LocalDate spentOn, String claimedBy, Instant claimedAt, String transactionId, boolean booked) {

        public static String transactionIdOf(String claimId) {
            return "claim-" + claimId;
        }

        Claim markedBooked() {
            return new Claim(id, amountFen, category, description, payee, receipt, spentOn, claimedBy, claimedAt,
                    transactionId, true);
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
        return new Budget(activityId, title, clubId, department, requestedFen, purpose, requestedBy, sequence, now,
                REQUESTED, 0, 0, 0, null, null, null, null, List.of());
    }

    /** A newer request replaces one not decided yet; anything else (a repeat, a late one) changes nothing. */
    public Budget requestedAgain(Budget newer) {
        if (!REQUESTED.equals(state) || newer.requestSequence() <= requestSequence) {
            return this;
        }
        return new Budget(id, newer.title(), newer.clubId(), newer.department(), newer.requestedFen(), newer.purpose(),
                newer.requestedBy(), newer.requestSequence(), requestedAt, state, approvedFen, spentFen, remainingFen,
                fundingAccountId, decidedBy, decidedAt, note, claims);
    }

    public List<String> allowedActions() {
        return switch (state) {
            case REQUESTED -> List.of("approve", "reject");
            case APPROVED -> List.of("claim");
            default -> List.of();
        };
    }

    /** Approves {@code amountFen} (all or part of the request), paid from {@code fundingAccountId}. */
    public Change approve(long amountFen, String fundingAccountId, String note, String actor, Instant now) {
        requireState(REQUESTED, "approving");
        if (amountFen < 1 || amountFen > requestedFen) {
            throw new RuleViolationException("approvedFen", "must be from 1 to the " + requestedFen + " fen requested");
        }
        Budget approved = new Budget(id, title, clubId, department, requestedFen, purpose, requestedBy, requestSequence,
                requestedAt, APPROVED, amountFen, 0, amountFen, fundingAccountId, actor, now, note, claims);
        return new Change(approved, List.of(new BudgetDecided(approved.snapshot(),
                amountFen == requestedFen ? "approved" : "partly-approved", note)));
    }

    public Change reject(String reason, String actor, Instant now) {
        requireState(REQUESTED, "rejecting");
        Budget rejected = new Budget(id, title, clubId, department, requestedFen, purpose, requestedBy, requestSequence,
                requestedAt, REJECTED, 0, 0, 0, null, actor, now, reason, claims);
        return new Change(rejected, List.of(new BudgetDecided(rejected.snapshot(), "rejected", reason)));
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

    /** The claim's ledger transaction is written: the spending so far is published, once per claim. */
    public Change booked(String claimId) {
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
            return new Change(this, List.of());
        }
        Budget next = new Budget(id, title, clubId, department, requestedFen, purpose, requestedBy, requestSequence,
                requestedAt, state, approvedFen, spentFen, remainingFen, fundingAccountId, decidedBy, decidedAt, note,
                List.copyOf(updated));
        return new Change(next, List.of(new ActivitySpendingChanged(next.snapshot(), claimId, bookedClaim.amountFen(),
                bookedClaim.category())));
    }

    public List<Claim> unbookedClaims() {
        return claims.stream().filter(c -> !c.booked()).toList();
    }

    public BudgetSnapshot snapshot() {
        return new BudgetSnapshot(id, title, clubId, department, requestedFen, state, approvedFen, spentFen, remainingFen,
                claims.size(), fundingAccountId, decidedBy, decidedAt);
    }
}
