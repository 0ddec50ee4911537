package org.federation.event.checkin.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.federation.event.checkin.domain.CodeAttemptLimit;
import org.federation.event.checkin.domain.CodeAttempts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * {@link CodeAttempts} in MongoDB. Counts the check-in codes a person tries at an activity, in {@code check-in-code-attempts} (one
 * document per activity and person: {@code attempts} in the window started at {@code windowStart}),
 * shared by every instance. Each step is a single-document atomic write, so two instances counting
 * at once never lose an attempt. The window's end is decided here from the caller's clock, not by a
 * TTL index (which the embedded store ignores): an attempt after the window resets the count.
 */
@Component
class MongoCodeAttempts implements CodeAttempts {

    static final String ATTEMPTS = "check-in-code-attempts";
    /** Rounds of "increment, else start a new window" before giving up on a contended counter. */
    private static final int ROUNDS = 5;

    private final MongoTemplate mongo;

    MongoCodeAttempts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Counted count(String activityId, String person, CodeAttemptLimit limit, Instant now) {
        String id = activityId + "|" + person;
        Date windowOpenAfter = Date.from(now.minus(limit.window()));
        for (int round = 0; round < ROUNDS; round++) {
            // the usual case: a window still running; increment its count
            Document counted = mongo.findAndModify(query(where("_id").is(id).and("windowStart").gt(windowOpenAfter)),
                    new Update().inc("attempts", 1L), FindAndModifyOptions.options().returnNew(true), Document.class, ATTEMPTS);
            if (counted != null) {
                return counted(counted);
            }
            try {
                // no window or one that is over: start a new one. If another instance started one meanwhile,
                // the filter misses it and the upsert's insert hits its _id: count again in that window
                Document started = mongo.findAndModify(query(where("_id").is(id).and("windowStart").lte(windowOpenAfter)),
                        new Update().set("activityId", activityId).set("person", person).set("windowStart", Date.from(now))
                                .set("attempts", 1L),
                        FindAndModifyOptions.options().returnNew(true).upsert(true), Document.class, ATTEMPTS);
                return counted(started);
            } catch (DuplicateKeyException startedElsewhere) {
                // next round increments the window the other instance started
            }
        }
        throw new IllegalStateException("check-in code attempts of " + id + " could not be counted: contended");
    }

    @Override
    public void giveBack(String activityId, String person) {
        mongo.updateFirst(query(where("_id").is(activityId + "|" + person).and("attempts").gt(0L)),
                new Update().inc("attempts", -1L), ATTEMPTS);
    }

    private static Counted counted(Document document) {
        return new Counted(((Number) document.get("attempts")).longValue(), document.getDate("windowStart").toInstant());
    }
}
