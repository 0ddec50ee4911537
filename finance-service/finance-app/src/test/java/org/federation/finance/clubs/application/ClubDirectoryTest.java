package org.federation.finance.clubs.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.finance.clubs.domain.KnownClub;
import org.federation.finance.clubs.domain.KnownClubs;
import org.federation.platform.paging.PageOf;
import org.junit.jupiter.api.Test;

/**
 * Which club events the other features follow up, in plain Java: the directory's own rule, now that
 * it no longer calls the accounts and the ledger itself (the embedded tests cover the whole path).
 */
class ClubDirectoryTest {

    private final List<String> followedUp = new ArrayList<>();
    private final Map<String, Long> kept = new HashMap<>();
    private final ClubDirectory directory = new ClubDirectory(new InMemoryClubs(), List.of(new ClubFollowUp() {
        @Override
        public void established(ClubSnapshot club, String actor) {
            followedUp.add("established " + club.id() + " by " + actor);
        }

        @Override
        public void dissolutionRequested(ClubSnapshot club, String actor) {
            followedUp.add("dissolution " + club.id() + " by " + actor);
        }

        @Override
        public void mergedAway(ClubSnapshot club, ClubSnapshot successor, String mergerId, String actor) {
            followedUp.add("merged " + club.id() + " into " + successor.id() + " (" + mergerId + ") by " + actor);
        }
    }));

    @Test
    void anEstablishedClubAndADissolvingOneAreFollowedUp() {
        directory.followUp(ClubEventTypes.ESTABLISHED, club("c-1"), null, "2023010001");
        directory.followUp(ClubEventTypes.DISSOLUTION_REQUESTED, club("c-2"), null, "2023010002");

        assertThat(followedUp).containsExactly("established c-1 by 2023010001", "dissolution c-2 by 2023010002");
    }

    @Test
    void inAMergerOnlyTheMergedAwayClubsAreFollowedUpNotTheSuccessorThatAbsorbsThem() {
        ClubSnapshot successor = club("c-1");
        ClubMerged merger = new ClubMerged(successor, successor, List.of("c-1", "c-2"), "m-1");

        directory.followUp(ClubEventTypes.MERGED, club("c-2"), merger, "presidium");
        directory.followUp(ClubEventTypes.MERGED, successor, merger, "presidium");
        directory.followUp(ClubEventTypes.MERGED, club("c-3"), merger, "presidium");

        assertThat(followedUp).containsExactly("merged c-2 into c-1 (m-1) by presidium");
    }

    @Test
    void otherClubEventsAreOnlyKept() {
        directory.keep(club("c-1"), 7);
        directory.followUp(ClubEventTypes.SUSPENDED, club("c-1"), null, "presidium");
        directory.followUp(ClubEventTypes.LEADERSHIP_CHANGED, club("c-1"), null, "presidium");

        assertThat(followedUp).isEmpty();
        assertThat(kept).containsEntry("c-1", 7L);
    }

    private static ClubSnapshot club(String id) {
        return new ClubSnapshot(id, "Club " + id, "academic", "active", null, null, List.of(), List.of(), null, null, null);
    }

    /** The directory's store as a map: the newest sequence per club (what the Mongo one keeps is tested embedded). */
    private final class InMemoryClubs implements KnownClubs {

        @Override
        public boolean keep(ClubSnapshot club, long sequence) {
            return kept.merge(club.id(), sequence, Math::max) == sequence;
        }

        @Override
        public Optional<KnownClub> find(String id) {
            return Optional.empty();
        }

        @Override
        public PageOf<KnownClub> newestFirst(int page, int size) {
            throw new UnsupportedOperationException("not needed here");
        }
    }
}
