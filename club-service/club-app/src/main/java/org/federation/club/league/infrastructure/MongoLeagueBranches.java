package org.federation.club.league.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubTopics;
import org.federation.club.league.domain.LeagueBranch;
import org.federation.club.league.domain.LeagueBranches;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** Youth-league branches in {@code league-branches} (id {@code branch-<clubId>}), with their outbox. */
@Repository
class MongoLeagueBranches implements LeagueBranches {

    static final String COLLECTION = "league-branches";

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection leagueBranchOutbox() {
            return new OutboxCollection(COLLECTION, ClubTopics.CLUB_EVENTS);
        }
    }

    private final AggregateStore store;

    MongoLeagueBranches(AggregateStore store) {
        this.store = store;
    }

    @Override
    public void add(LeagueBranch branch, String actor) {
        try {
            store.insert(COLLECTION, branch.id(), branch, List.of(event(branch, actor, "established")));
        } catch (DuplicateKeyException e) {
            throw new StateConflictException("club " + branch.clubId() + " already has a youth-league branch");
        }
    }

    @Override
    public LeagueBranch change(String clubId, UnaryOperator<LeagueBranch> change, String actor, String what) {
        LeagueBranch[] changed = new LeagueBranch[1];
        store.change(COLLECTION, LeagueBranch.idFor(clubId), LeagueBranch.class, current -> {
            changed[0] = change.apply(current);
            return new AggregateStore.Decision<>(changed[0], changed[0].equals(current) ? List.of()
                    : List.of(event(changed[0], actor, what)));
        }).orElseThrow(() -> new ResourceNotFoundException("youth-league branch of club", clubId));
        return changed[0];
    }

    @Override
    public Optional<LeagueBranch> find(String clubId) {
        return store.find(COLLECTION, LeagueBranch.idFor(clubId), LeagueBranch.class).map(v -> v.state());
    }

    private static NewEvent event(LeagueBranch branch, String actor, String what) {
        return new NewEvent(ClubEventTypes.LEAGUE_BRANCH_CHANGED, actor, branch.changed(what));
    }
}
