package org.federation.finance.clubs.application;

import org.federation.club.contracts.ClubSnapshot;

/**
 * What another feature does when club-service says a club entered the platform, asks to dissolve or
 * merged into another: the accounts open the club's account, the ledger settles it or moves its
 * balance to the successor. The club directory owns this port so that it depends on none of the
 * features that follow up; an implementation must be idempotent (a club event may come again) and
 * throws to have the event retried (and, in the end, dead-lettered).
 */
public interface ClubFollowUp {

    /** The club entered the platform ({@code club-established}). */
    default void established(ClubSnapshot club, String actor) {
    }

    /** The club asked to dissolve ({@code club-dissolution-requested}): finance-service's step of the saga. */
    default void dissolutionRequested(ClubSnapshot club, String actor) {
    }

    /** The club merged into {@code successor} and is gone ({@code club-merged}, for a merged-away club only). */
    default void mergedAway(ClubSnapshot club, ClubSnapshot successor, String mergerId, String actor) {
    }
}
