package org.federation.club.merger.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.federation.club.merger.domain.Merger;
import org.federation.club.merger.domain.Mergers;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Mergers in {@code mergers}; they publish nothing themselves (the clubs' events tell the story). */
@Repository
class MongoMergers implements Mergers {

    static final String COLLECTION = "mergers";

    private final MongoTemplate mongo;

    MongoMergers(MongoTemplate mongo, MongoIndexes indexes) {
        this.mongo = mongo;
        // the recovery sweep: unfinished mergers decided before a moment
        indexes.ensure(COLLECTION, "completedAt", "decidedAt");
    }

    @Override
    public void add(Merger merger) {
        mongo.insert(merger, COLLECTION);
    }

    @Override
    public Merger complete(String id, Instant at) {
        mongo.updateFirst(query(where("_id").is(id).and("completedAt").is(null)),
                new Update().set("completedAt", at).unset("blockedReason"), COLLECTION);
        return find(id).orElseThrow();
    }

    @Override
    public Merger block(String id, String reason) {
        mongo.updateFirst(query(where("_id").is(id).and("completedAt").is(null).and("blockedReason").is(null)),
                new Update().set("blockedReason", reason), COLLECTION);
        return find(id).orElseThrow();
    }

    @Override
    public Optional<Merger> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Merger.class, COLLECTION));
    }

    @Override
    public List<Merger> unfinishedSince(Instant before) {
        return mongo.find(query(where("completedAt").is(null).and("decidedAt").lt(before)), Merger.class, COLLECTION);
    }

    @Override
    public List<Merger> newestFirst(int page, int size) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "decidedAt")).skip((long) page * size).limit(size),
                Merger.class, COLLECTION);
    }

    @Override
    public long count() {
        return mongo.count(new Query(), COLLECTION);
    }
}
