package org.federation.event.activities.application;

import org.federation.club.contracts.ClubSnapshot;
import org.federation.event.clubs.domain.ClubFollower;
import org.springframework.stereotype.Component;

/**
 * A dissolved club's upcoming activities are cancelled (or go on without it when others co-organise);
 * a merged club's pass to its successor. Safe to repeat: a second delivery finds nothing to change.
 */
@Component
class ClubEndings implements ClubFollower {

    private final ActivityPlanning planning;

    ClubEndings(ActivityPlanning planning) {
        this.planning = planning;
    }

    @Override
    public void follow(ClubSnapshot club) {
        if ("dissolved".equals(club.state())) {
            planning.clubDissolved(club.id());
        } else if ("merged".equals(club.state()) && club.successorId() != null) {
            planning.clubMerged(club.id(), club.successorId());
        }
    }
}
