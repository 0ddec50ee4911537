package org.federation.notification.directory.infrastructure;

import org.federation.notification.directory.domain.KnownClubs;
import org.federation.notification.directory.domain.KnownClub;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The clubs notification-service knows, the newest snapshot per club by the event's sequence. */
@Repository
public class ClubDirectory implements KnownClubs {

    static final String COLLECTION = "clubs";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    ClubDirectory(MongoTemplate mongo, MongoIndexes indexes, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        // the liaison officers known from the clubs
        indexes.ensure(COLLECTION, "liaisonOfficer");
    }

    /** Keeps {@code club} if it is newer than what the directory holds; true if it was applied. */
    public boolean keep(ClubSnapshot club, long sequence) {
        Update update = new Update()
                .set("name", club.name())
                .set("category", club.category())
                .set("state", club.state())
                .set("leaders", club.leaders() == null ? List.of()
                        : club.leaders().stream().map(ClubLeader::studentNumber).toList())
                .set("members", club.memberStudentNumbers() == null ? List.of() : club.memberStudentNumbers())
                .set("liaisonOfficer", club.liaisonOfficer())
                .set("successorId", club.successorId());
        return writes.applyIfNewer(COLLECTION, club.id(), sequence, update);
    }

    @Override
    public Optional<KnownClub> find(String id) {
        return Optional.ofNullable(mongo.findById(id, KnownClub.class, COLLECTION));
    }

    @Override
    public List<KnownClub> findAll(List<String> ids) {
        return mongo.find(query(where("_id").in(ids)), KnownClub.class, COLLECTION);
    }

    /** Every club that still takes part (not dissolved, not merged away). */
    @Override
    public List<KnownClub> current() {
        return mongo.findAll(KnownClub.class, COLLECTION).stream().filter(KnownClub::isCurrent).toList();
    }

    /** The clubs a liaison officer is assigned to, as the clubs' snapshots say. */
    @Override
    public List<KnownClub> withLiaisonOfficer(String officer) {
        return mongo.find(query(where("liaisonOfficer").is(officer)), KnownClub.class, COLLECTION);
    }

    /** Every liaison officer some club's snapshot names. */
    @Override
    public List<String> liaisonOfficers() {
        return mongo.findDistinct(query(where("liaisonOfficer").ne(null)), "liaisonOfficer", COLLECTION, String.class);
    }
}
