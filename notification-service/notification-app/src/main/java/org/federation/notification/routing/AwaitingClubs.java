package org.federation.notification.routing;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Routed events that named clubs not in the directory yet ({@code club.events} is not ordered with
 * the other topics), kept so that their people get the notice once the clubs' events are read.
 * One document per routed event; routing it again posts only the notices still missing, since a
 * notice's id comes from the cause and the recipient.
 */
@Repository
class AwaitingClubs {

    static final String COLLECTION = "routings-awaiting-clubs";

    /** A routed event waiting for clubs, since when. */
    record Waiting(String id, Routed routed, String actor, List<String> missingClubs, Instant since) {
    }

    private final MongoTemplate mongo;

    AwaitingClubs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps (or refreshes) the routed event with the clubs it still waits for; {@code since} stays the first time. */
    void remember(Routed routed, String actor, List<String> missingClubs, Instant now) {
        mongo.upsert(query(where("_id").is(idOf(routed))), new Update()
                .set("routed", mongo.getConverter().convertToMongoType(routed))
                .set("actor", actor)
                .set("missingClubs", missingClubs)
                .setOnInsert("since", now), COLLECTION);
    }

    List<Waiting> oldestFirst(int limit) {
        return mongo.find(new Query().with(org.springframework.data.domain.Sort.by("since")).limit(limit), Waiting.class,
                COLLECTION);
    }

    void forget(Routed routed) {
        mongo.remove(query(where("_id").is(idOf(routed))), COLLECTION);
    }

    private static String idOf(Routed routed) {
        return routed.cause() + "|" + routed.kind();
    }
}
