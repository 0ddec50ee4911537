package org.federation.club.league.infrastructure;

import java.util.Optional;
import java.util.function.Function;

import org.federation.club.contracts.ClubTopics;
import org.federation.club.league.domain.LeagueBranch;
import org.federation.club.league.domain.LeagueBranches;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** Youth-league branches in {@code league-branches} (id {@code branch-<clubId>}), with their outbox. */
@Repository
class MongoLeagueBranches implements LeagueBranches {

    static final String COLLECTION = "league-branches";

    private final AggregateRepository<LeagueBranch, LeagueBranch> branches;

    MongoLeagueBranches(AggregateStore store) {
        this.branches = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, LeagueBranch.class);
    }

    @Override
    public void add(Decision<LeagueBranch> established) {
        try {
            branches.create(established.state().id(), established);
        } catch (DuplicateKeyException e) {
            throw new StateConflictException("club " + established.state().clubId() + " already has a youth-league branch");
        }
    }

    @Override
    public LeagueBranch change(String clubId, Function<LeagueBranch, Decision<LeagueBranch>> decision) {
        return branches.change(LeagueBranch.idFor(clubId), decision)
                .orElseThrow(() -> new ResourceNotFoundException("youth-league branch of club", clubId)).state();
    }

    @Override
    public Optional<LeagueBranch> find(String clubId) {
        return branches.find(LeagueBranch.idFor(clubId));
    }
}
