package org.federation.club.recruitment.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubTopics;
import org.federation.club.recruitment.domain.LeaderPosition;
import org.federation.club.recruitment.domain.LeaderPositions;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.problem.ResourceNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

/** Open leader positions in {@code leader-positions}, with their outbox (events keyed by position id). */
@Repository
class MongoLeaderPositions implements LeaderPositions {

    static final String COLLECTION = "leader-positions";

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection leaderPositionOutbox() {
            return new OutboxCollection(COLLECTION, ClubTopics.CLUB_EVENTS);
        }
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoLeaderPositions(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public void add(LeaderPosition position) {
        store.insert(COLLECTION, position.id(), position, List.of(new NewEvent(ClubEventTypes.LEADER_POSITION_POSTED,
                position.postedBy(), position.changed())));
    }

    @Override
    public LeaderPosition change(String id, UnaryOperator<LeaderPosition> change) {
        LeaderPosition[] changed = new LeaderPosition[1];
        store.change(COLLECTION, id, LeaderPosition.class, current -> {
            changed[0] = change.apply(current);
            boolean closed = current.state() == LeaderPosition.State.OPEN && changed[0].state() != LeaderPosition.State.OPEN;
            return new AggregateStore.Decision<>(changed[0], closed ? List.of(new NewEvent(
                    ClubEventTypes.LEADER_POSITION_CLOSED, changed[0].closedBy(), changed[0].changed())) : List.of());
        }).orElseThrow(() -> new ResourceNotFoundException("leader position", id));
        return changed[0];
    }

    @Override
    public Optional<LeaderPosition> find(String id) {
        return store.find(COLLECTION, id, LeaderPosition.class).map(v -> v.state());
    }

    @Override
    public PageOf<LeaderPosition> list(String clubId, LeaderPosition.State state, int page, int size) {
        Criteria filter = new Criteria();
        if (clubId != null) {
            filter = filter.and("clubId").is(clubId);
        }
        if (state != null) {
            filter = filter.and("state").is(state.name());
        }
        return NewestFirst.page(mongo, COLLECTION, LeaderPosition.class, filter, "postedAt", page, size);
    }
}
