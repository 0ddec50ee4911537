package org.federation.finance.budgets.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/** Where budgets are kept, each with its outbox for {@code finance.events}. */
public interface Budgets {

    /** Stores a new request, or lets a newer one replace an undecided request; a repeat changes nothing. */
    void receive(Budget request);

    Optional<Budget> find(String activityId);

    /**
     * Decides on the stored budget and stores the decision with its events, deciding again on the
     * fresh budget after a concurrent change.
     *
     * @throws org.federation.platform.problem.ResourceNotFoundException if the activity has no budget
     */
    Decision<Budget> change(String activityId, Function<Budget, Decision<Budget>> decide);

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
