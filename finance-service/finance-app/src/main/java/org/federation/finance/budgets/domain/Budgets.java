package org.federation.finance.budgets.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.federation.platform.paging.PageOf;

/** Where budgets are kept, each with its outbox for {@code finance.events}. */
public interface Budgets {

    /** Stores a new request, or lets a newer one replace an undecided request; a repeat changes nothing. */
    void receive(Budget request);

    Optional<Budget> find(String activityId);

    /** Applies a decision to the stored budget and queues its events, retrying on a concurrent change. */
    Budget.Change change(String activityId, UnaryOperator<Budget.Change> change, String actor);

    /**
     * Adds an accepted claim by one conditional update of the budget document, matching only while
     * it is approved and {@code remainingFen >= claim.amountFen()}. False if it did not match.
     */
    boolean addClaim(String activityId, Budget.Claim claim);

    /** Budgets with a claim not yet booked, claimed before {@code before}. */
    List<Budget> withUnbookedClaims(Instant before);

    /** Budgets with a withdrawn claim whose reversal is not written yet, withdrawn before {@code before}. */
    List<Budget> withUnbookedWithdrawals(Instant before);

    /** Budgets still open (requested or approved) whose activity ended before {@code endedBefore}. */
    List<Budget> openWithActivityEndedBefore(Instant endedBefore);

    PageOf<Budget> page(String state, String clubId, int page, int size);
}
