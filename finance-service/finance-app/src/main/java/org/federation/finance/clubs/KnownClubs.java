package org.federation.finance.clubs;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.federation.club.contracts.ClubSnapshot;
import org.federation.platform.messaging.IdempotentWrites;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The clubs finance-service knows, newest snapshot per club by sequence. */
@Repository
public class KnownClubs {

    static final String COLLECTION = "clubs";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;
    private final Clock clock;

    KnownClubs(MongoTemplate mongo, IdempotentWrites writes, Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.clock = clock;
    }

    boolean keep(ClubSnapshot club, long sequence) {
        return writes.applyIfNewer(COLLECTION, club.id(), sequence, new Update()
                .set("name", club.name())
                .set("state", club.state())
                .set("leaders", club.leaders() == null ? List.of() : club.leaders())
                .set("successorId", club.successorId())
                .setOnInsert("firstSeenAt", clock.instant()));
    }

    public Optional<KnownClub> find(String id) {
        return Optional.ofNullable(mongo.findById(id, KnownClub.class, COLLECTION));
    }

    public List<KnownClub> newestFirst(int page, int size) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "firstSeenAt")).skip((long) page * size)
                .limit(size), KnownClub.class, COLLECTION);
    }

    public long count() {
        return mongo.count(new Query(), COLLECTION);
    }
}
