package org.federation.finance.clubs.infrastructure;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.federation.club.contracts.ClubSnapshot;
import org.federation.finance.clubs.domain.KnownClub;
import org.federation.finance.clubs.domain.KnownClubs;
import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The known clubs in the {@code clubs} collection; "newest snapshot wins" is one conditional single-document write. */
@Repository
class MongoKnownClubs implements KnownClubs {

    static final String COLLECTION = "clubs";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;
    private final Clock clock;

    MongoKnownClubs(MongoTemplate mongo, IdempotentWrites writes, Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.clock = clock;
    }

    @Override
    public boolean keep(ClubSnapshot club, long sequence) {
        return writes.applyIfNewer(COLLECTION, club.id(), sequence, new Update()
                .set("name", club.name())
                .set("state", club.state())
                .set("leaders", club.leaders() == null ? List.of() : club.leaders())
                .set("memberStudentNumbers", club.memberStudentNumbers() == null ? List.of() : club.memberStudentNumbers())
                .set("successorId", club.successorId())
                .set("liaisonOfficer", club.liaisonOfficer())
                .setOnInsert("firstSeenAt", clock.instant()));
    }

    @Override
    public Optional<KnownClub> find(String id) {
        return Optional.ofNullable(mongo.findById(id, KnownClub.class, COLLECTION));
    }

    @Override
    public PageOf<KnownClub> newestFirst(int page, int size) {
        return NewestFirst.page(mongo, COLLECTION, KnownClub.class, "firstSeenAt", page, size);
    }
}
