package org.federation.event.registration.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.federation.event.activities.domain.Activity;
import org.federation.event.registration.domain.Seats;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * {@link Seats} on the activity's document in {@code activities}: {@code seatsFree} (never written
 * by the aggregate's business updates), {@code seatsChangedAt} beside it, {@code waitCounter}.
 */
@Repository
class MongoSeats implements Seats {

    static final String ACTIVITIES = "activities";
    /** When the free-seat counter last changed, beside it on the activity's document. */
    static final String SEATS_CHANGED_AT = "seatsChangedAt";

    private final MongoTemplate mongo;

    MongoSeats(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void openIfAbsent(String activityId, int capacity, Instant at) {
        mongo.updateFirst(query(where("_id").is(activityId).and("seatsFree").exists(false)),
                new Update().set("seatsFree", capacity).set(SEATS_CHANGED_AT, at), ACTIVITIES);
    }

    @Override
    public boolean take(String activityId, Instant at) {
        return mongo.updateFirst(query(where("_id").is(activityId).and("seatsFree").gt(0)),
                new Update().inc("seatsFree", -1).set(SEATS_CHANGED_AT, at), ACTIVITIES).getModifiedCount() == 1;
    }

    @Override
    public void giveBack(String activityId, Instant at) {
        mongo.updateFirst(query(where("_id").is(activityId).and("seatsFree").exists(true)),
                new Update().inc("seatsFree", 1).set(SEATS_CHANGED_AT, at), ACTIVITIES);
    }

    @Override
    public long nextWaitNumber(String activityId) {
        Document counted = mongo.findAndModify(query(where("_id").is(activityId)), new Update().inc("waitCounter", 1L),
                FindAndModifyOptions.options().returnNew(true), Document.class, ACTIVITIES);
        return counted == null ? 0 : ((Number) counted.get("waitCounter")).longValue();
    }

    @Override
    public List<Counter> upcoming(Instant now) {
        Query upcoming = query(where("state").is(Activity.APPROVED).and("capacity").exists(true)
                .and("seatsFree").exists(true).and("start").gt(now));
        upcoming.fields().include("capacity", "seatsFree", SEATS_CHANGED_AT);
        return mongo.find(upcoming, Document.class, ACTIVITIES).stream().map(activity -> new Counter(
                activity.getString("_id"), ((Number) activity.get("capacity")).longValue(),
                ((Number) activity.get("seatsFree")).longValue(),
                activity.get(SEATS_CHANGED_AT) instanceof Date date ? date.toInstant() : null)).toList();
    }

    @Override
    public boolean correct(Counter read, long seatsFree, Instant at) {
        Criteria unchanged = where("_id").is(read.activityId()).and("seatsFree").is(read.seatsFree());
        unchanged = read.changedAt() == null ? unchanged.and(SEATS_CHANGED_AT).exists(false)
                : unchanged.and(SEATS_CHANGED_AT).is(Date.from(read.changedAt()));
        return mongo.updateFirst(query(unchanged), new Update().set("seatsFree", seatsFree).set(SEATS_CHANGED_AT, at),
                ACTIVITIES).getModifiedCount() == 1;
    }
}
