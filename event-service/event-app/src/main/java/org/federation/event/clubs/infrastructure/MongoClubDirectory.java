package org.federation.event.clubs.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.clubs.domain.OrganisingClub;
import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.paging.PageOf;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** {@link ClubDirectory} in {@code clubs}: each snapshot applied only if its sequence is newer (an upsert guarded by it). */
@Repository
class MongoClubDirectory implements ClubDirectory {

    static final String COLLECTION = "clubs";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;
    private final Clock clock;

    MongoClubDirectory(MongoTemplate mongo, IdempotentWrites writes, Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.clock = clock;
    }

    @Override
    public boolean keep(ClubSnapshot club, long sequence) {
        Update update = new Update()
                .set("name", club.name())
                .set("category", club.category())
                .set("state", club.state())
                .set("registrationYear", club.registrationYear())
                .set("leaderStudentNumbers", club.leaders() == null ? List.of()
                        : club.leaders().stream().map(ClubLeader::studentNumber).toList())
                .set("memberStudentNumbers", club.memberStudentNumbers() == null ? List.of() : club.memberStudentNumbers())
                .set("successorId", club.successorId())
                .set("liaisonOfficer", club.liaisonOfficer())
                .setOnInsert("firstSeenAt", clock.instant());
        return writes.applyIfNewer(COLLECTION, club.id(), sequence, update);
    }

    @Override
    public Optional<OrganisingClub> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OrganisingClub.class, COLLECTION));
    }

    @Override
    public PageOf<OrganisingClub> newestFirst(int page, int size) {
        return NewestFirst.page(mongo, COLLECTION, OrganisingClub.class, "firstSeenAt", page, size);
    }

    @Override
    public Map<String, String> namesOf(Collection<String> clubIds) {
        Map<String, String> names = new HashMap<>();
        if (clubIds.isEmpty()) {
            return names;
        }
        // Only the name is read, so nothing else of the directory (leaders, members) can reach a public page.
        Query known = query(where("_id").in(clubIds));
        known.fields().include("name");
        for (Document club : mongo.find(known, Document.class, COLLECTION)) {
            if (club.getString("name") != null) {
                names.put(club.getString("_id"), club.getString("name"));
            }
        }
        return names;
    }
}
