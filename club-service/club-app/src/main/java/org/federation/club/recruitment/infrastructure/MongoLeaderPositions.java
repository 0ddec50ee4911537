package org.federation.club.recruitment.infrastructure;

import java.util.Optional;
import java.util.function.Function;

import org.federation.club.contracts.ClubTopics;
import org.federation.club.recruitment.domain.LeaderPosition;
import org.federation.club.recruitment.domain.LeaderPositions;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

/** Open leader positions in {@code leader-positions}, with their outbox (events keyed by position id). */
@Repository
class MongoLeaderPositions implements LeaderPositions {

    static final String COLLECTION = "leader-positions";

    private final MongoTemplate mongo;
    private final AggregateRepository<LeaderPosition, LeaderPosition> positions;

    MongoLeaderPositions(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.positions = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, LeaderPosition.class);
    }

    @Override
    public void add(Decision<LeaderPosition> posted) {
        positions.create(posted.state().id(), posted);
    }

    @Override
    public LeaderPosition change(String id, Function<LeaderPosition, Decision<LeaderPosition>> decision) {
        return positions.change(id, "leader position", decision).state();
    }

    @Override
    public Optional<LeaderPosition> find(String id) {
        return positions.find(id);
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
