package org.federation.event.activities.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.function.UnaryOperator;

import org.bson.Document;
import org.federation.event.activities.domain.VenueSchedule;
import org.federation.event.activities.domain.VenueSchedules;
import org.federation.platform.messaging.ConcurrentAggregateUpdateException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * One document per venue in {@code venues} ({@code _id} = the venue's key) holding its approved
 * bookings and a version. A booking is decided on the schedule as read and written only if the
 * version is unchanged (or, for a new venue, by an insert that a second insert cannot repeat), so
 * two approvals for overlapping times cannot both pass, without transactions.
 */
@Repository
class MongoVenueSchedules implements VenueSchedules {

    static final String COLLECTION = "venues";
    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;

    MongoVenueSchedules(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void book(String venue, VenueSchedule.Booking booking) {
        change(venue, schedule -> schedule.book(booking));
    }

    @Override
    public void release(String venue, String activityId) {
        change(venue, schedule -> schedule.release(activityId));
    }

    @Override
    public void releaseExactly(String venue, VenueSchedule.Booking booking) {
        change(venue, schedule -> schedule.releaseExactly(booking));
    }

    @Override
    public java.util.List<VenueSchedule> all() {
        return mongo.findAll(VenueSchedule.class, COLLECTION);
    }

    private void change(String venue, UnaryOperator<VenueSchedule> decide) {
        String key = VenueSchedule.keyOf(venue);
        for (int attempt = 1; ; attempt++) {
            Document document = mongo.findById(key, Document.class, COLLECTION);
            try {
                if (document == null) {
                    VenueSchedule next = decide.apply(VenueSchedule.empty(venue));
                    Document fresh = new Document();
                    mongo.getConverter().write(next, fresh);
                    fresh.remove("_class");
                    fresh.put("_id", key);
                    fresh.put("version", 1L);
                    mongo.insert(fresh, COLLECTION);
                    return;
                }
                VenueSchedule current = mongo.getConverter().read(VenueSchedule.class, document);
                VenueSchedule next = decide.apply(current);
                Document written = new Document();
                mongo.getConverter().write(next, written);
                long version = ((Number) document.get("version")).longValue();
                var result = mongo.updateFirst(query(where("_id").is(key).and("version").is(version)),
                        new Update().set("bookings", written.get("bookings")).inc("version", 1), COLLECTION);
                if (result.getMatchedCount() == 1) {
                    return;
                }
            } catch (DuplicateKeyException e) {
                // another booking created the venue's document first: decide again on it
            }
            if (attempt == ATTEMPTS) {
                throw new ConcurrentAggregateUpdateException(COLLECTION, key, -1);
            }
        }
    }
}
