package org.federation.finance.clubs.application;

import java.util.List;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.finance.clubs.domain.KnownClubs;
import org.springframework.stereotype.Service;

/**
 * finance-service's club directory as {@code club.events} keeps it: the newest snapshot of every
 * club, and which club events the other features follow up ({@link ClubFollowUp}).
 */
@Service
public class ClubDirectory {

    private final KnownClubs clubs;
    private final List<ClubFollowUp> followUps;

    ClubDirectory(KnownClubs clubs, List<ClubFollowUp> followUps) {
        this.clubs = clubs;
        this.followUps = followUps;
    }

    /** Keeps the club as this event shows it, unless a newer snapshot is kept already. */
    public void keep(ClubSnapshot club, long sequence) {
        clubs.keep(club, sequence);
    }

    /**
     * Hands a club event to the features that follow it up: an established club, a club asking to
     * dissolve, and in a merger each merged-away club (not the successor, which may be among the
     * merged ids when an existing club absorbs the others). Other club events are only kept.
     *
     * @param merged the merger, for a {@code club-merged} event; null otherwise
     */
    public void followUp(String type, ClubSnapshot club, ClubMerged merged, String actor) {
        if (ClubEventTypes.ESTABLISHED.equals(type)) {
            followUps.forEach(f -> f.established(club, actor));
        } else if (ClubEventTypes.DISSOLUTION_REQUESTED.equals(type)) {
            followUps.forEach(f -> f.dissolutionRequested(club, actor));
        } else if (merged != null && merged.mergedAwayIds().contains(club.id())
                && !club.id().equals(merged.successor().id())) {
            followUps.forEach(f -> f.mergedAway(club, merged.successor(), merged.mergerId(), actor));
        }
    }
}
