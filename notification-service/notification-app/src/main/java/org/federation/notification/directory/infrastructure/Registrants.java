package org.federation.notification.directory.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.bson.Document;
import org.federation.event.contracts.RegistrationChanged;
import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Who has a place at which activity (registered or waitlisted), the newest registration event per
 * registration by sequence, from event-service's {@code registration-changed}: the people to tell
 * when an activity changes or is cancelled, though they need not belong to any organising club.
 */
@Repository
public class Registrants {

    static final String COLLECTION = "registrants";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    Registrants(MongoTemplate mongo, MongoIndexes indexes, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        // who holds a place at an activity
        indexes.ensure(COLLECTION, "activityId", "status");
    }

    /** Keeps the registration's state if the event is newer than what is held; true if applied. */
    public boolean keep(RegistrationChanged registration, long sequence) {
        return writes.applyIfNewer(COLLECTION, registration.registrationId(), sequence, new Update()
                .set("activityId", registration.activityId())
                .set("studentNumber", registration.studentNumber())
                .set("status", registration.status()));
    }

    /** The student numbers of everyone registered or waitlisted for the activity. */
    public List<String> holdingPlacesAt(String activityId) {
        Query holding = query(where("activityId").is(activityId).and("status").in(RegistrationChanged.REGISTERED,
                RegistrationChanged.WAITLISTED));
        holding.fields().include("studentNumber");
        return mongo.find(holding, Document.class, COLLECTION).stream().map(d -> d.getString("studentNumber")).toList();
    }
}
