package org.federation.event.clubs.domain;

import org.federation.club.contracts.ClubSnapshot;

/**
 * Something that follows clubs' snapshots as they arrive on {@code club.events} (after the directory
 * kept them). Called for every delivery, repeats included, so it must be idempotent.
 */
public interface ClubFollower {

    void follow(ClubSnapshot club);
}
