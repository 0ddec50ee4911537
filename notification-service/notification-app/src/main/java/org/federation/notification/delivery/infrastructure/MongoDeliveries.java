package org.federation.notification.delivery.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.federation.notification.delivery.domain.Delivery;
import org.federation.notification.delivery.domain.DeliveryRecords;
import org.federation.notification.delivery.domain.RetryPolicy;
import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * {@link DeliveryRecords} in {@code deliveries}: the claim is {@code claimedUntil}/{@code claimedBy} on
 * the delivery's document, taken and released by conditional single-document updates.
 */
@Repository
public class MongoDeliveries implements DeliveryRecords {

    public static final String COLLECTION = "deliveries";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    MongoDeliveries(MongoTemplate mongo, MongoIndexes indexes, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        // the delivery sweep (pending ones due); a notice's deliveries
        indexes.ensure(COLLECTION, "status", "nextAttemptAt");
        indexes.ensure(COLLECTION, "noticeId");
    }

    @Override
    public void planAll(List<Delivery> planned) {
        writes.insertAllOnce(COLLECTION, planned.stream().map(delivery -> {
            Document document = new Document();
            mongo.getConverter().write(delivery, document);
            document.remove("_class");
            return document;
        }).toList());
    }

    @Override
    public List<Delivery> ofNotice(String noticeId) {
        return mongo.find(query(where("noticeId").is(noticeId)).with(Sort.by("channel", "target")), Delivery.class, COLLECTION);
    }

    @Override
    public List<Delivery> due(Instant now, int limit) {
        var due = query(new Criteria().andOperator(where("status").is(Delivery.PENDING), where("nextAttemptAt").lte(now),
                free(now))).limit(limit);
        return mongo.find(due, Delivery.class, COLLECTION);
    }

    private static Criteria free(Instant now) {
        return new Criteria().orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now));
    }

    @Override
    public boolean claim(Delivery delivery, Instant now, Instant until, String instance) {
        return mongo.updateFirst(query(new Criteria().andOperator(where("_id").is(delivery.id()),
                        where("status").is(Delivery.PENDING), where("attempts").is(delivery.attempts()), free(now))),
                new Update().set("claimedUntil", until).set("claimedBy", instance), COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public boolean record(String id, String instance, RetryPolicy.Outcome outcome) {
        Delivery.Attempt attempt = outcome.attempt();
        Update update = new Update().inc("attempts", 1)
                .push("history", new Document("number", attempt.number()).append("at", Date.from(attempt.at()))
                        .append("outcome", attempt.outcome()).append("detail", attempt.detail()))
                .unset("claimedUntil").unset("claimedBy");
        if (Delivery.PENDING.equals(outcome.status())) {
            update.set("nextAttemptAt", outcome.nextAttemptAt());
        } else {
            update.set("status", outcome.status()).unset("nextAttemptAt");
            if (outcome.failure() != null) {
                update.set("failure", outcome.failure());
            }
        }
        return mongo.updateFirst(query(where("_id").is(id).and("claimedBy").is(instance)), update, COLLECTION)
                .getModifiedCount() == 1;
    }
}
