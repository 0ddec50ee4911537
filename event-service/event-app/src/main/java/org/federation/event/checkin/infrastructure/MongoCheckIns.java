package org.federation.event.checkin.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.federation.event.checkin.domain.CheckIn;
import org.federation.event.checkin.domain.CheckIns;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** {@link CheckIns} in {@code check-ins}: an insert whose id is activity|person, a duplicate key meaning "already in". */
@Repository
class MongoCheckIns implements CheckIns {

    static final String CHECK_INS = "check-ins";

    private final MongoTemplate mongo;

    MongoCheckIns(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<CheckIn> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CheckIn.class, CHECK_INS));
    }

    @Override
    public boolean add(CheckIn checkIn) {
        try {
            mongo.insert(checkIn, CHECK_INS);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public long count(String activityId) {
        return mongo.count(query(where("activityId").is(activityId)), CHECK_INS);
    }

    @Override
    public long countWalkIns(String activityId) {
        return mongo.count(query(where("activityId").is(activityId).and("walkIn").is(true)), CHECK_INS);
    }

    @Override
    public PageOf<CheckIn> newestFirst(String activityId, int page, int size) {
        return NewestFirst.page(mongo, CHECK_INS, CheckIn.class, where("activityId").is(activityId), "at", page, size);
    }

    @Override
    public List<CheckIn> peopleAndWalkIns(String activityId) {
        Query all = query(where("activityId").is(activityId));
        all.fields().include("person").include("walkIn");
        return mongo.find(all, CheckIn.class, CHECK_INS);
    }
}
