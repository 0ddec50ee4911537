package org.federation.finance.fees.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.federation.finance.fees.domain.FeeYear;
import org.federation.finance.fees.domain.FeeYears;
import org.federation.platform.messaging.ConcurrentAggregateUpdateException;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Fee years in {@code fee_years}: the rule, who has paid (a map keyed by student number) and the
 * batches, in one document with a {@code version}. A batch is recorded by a single conditional
 * update that requires every one of its members to be absent from {@code paid}.
 */
@Repository
class MongoFeeYears implements FeeYears {

    static final String COLLECTION = "fee_years";
    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;

    MongoFeeYears(MongoTemplate mongo, MongoIndexes indexes) {
        this.mongo = mongo;
        // a club's fee years; batches recorded but not yet booked (the sweep)
        indexes.ensure(COLLECTION, "clubId");
        indexes.ensure(COLLECTION, "batches.booked", "batches.recordedAt");
    }

    @Override
    public Optional<FeeYear> find(String clubId, String year) {
        return Optional.ofNullable(mongo.findById(FeeYear.idOf(clubId, year), FeeYear.class, COLLECTION));
    }

    @Override
    public List<FeeYear> ofClub(String clubId) {
        return mongo.find(query(where("clubId").is(clubId)).with(Sort.by(Sort.Direction.DESC, "year")), FeeYear.class,
                COLLECTION);
    }

    @Override
    public FeeYear setRule(FeeYear rule) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document current = mongo.findById(rule.id(), Document.class, COLLECTION);
            if (current == null) {
                Document document = new Document();
                mongo.getConverter().write(rule, document);
                document.put("version", 1L);
                try {
                    mongo.insert(document, COLLECTION);
                    return rule;
                } catch (DuplicateKeyException setMeanwhile) {
                    continue;
                }
            }
            FeeYear changed = mongo.getConverter().read(FeeYear.class, current).changedTo(rule);
            Update update = new Update().set("amountFen", changed.amountFen()).set("setBy", changed.setBy())
                    .set("setAt", changed.setAt()).inc("version", 1L);
            if (changed.dueOn() == null) {
                update.unset("dueOn");
            } else {
                update.set("dueOn", changed.dueOn());
            }
            if (mongo.updateFirst(query(where("_id").is(rule.id()).and("version").is(current.get("version"))), update,
                    COLLECTION).getMatchedCount() == 1) {
                return changed;
            }
        }
        throw new ConcurrentAggregateUpdateException(COLLECTION, rule.id(), -1);
    }

    @Override
    public boolean record(String id, FeeYear.Batch batch, Map<String, FeeYear.Payment> payments) {
        Criteria unpaid = where("_id").is(id);
        // and under the fee the rows were checked against: a rule changed meanwhile (allowed while nobody has paid)
        // makes this match nothing, so the batch is checked again against the new amount
        payments.values().stream().findFirst().ifPresent(payment -> unpaid.and("amountFen").is(payment.amountFen()));
        Update update = new Update().push("batches", mongo.getConverter().convertToMongoType(batch)).inc("version", 1L);
        payments.forEach((student, payment) -> {
            unpaid.and("paid." + student).exists(false);
            update.set("paid." + student, mongo.getConverter().convertToMongoType(payment));
        });
        return mongo.updateFirst(query(unpaid), update, COLLECTION).getMatchedCount() == 1;
    }

    @Override
    public void markBooked(String id, String batchId) {
        mongo.updateFirst(query(where("_id").is(id).and("batches._id").is(batchId)),
                new Update().set("batches.$.booked", true), COLLECTION);
    }

    @Override
    public void forgetPaymentsOf(String transactionId, List<String> studentNumbers, String id) {
        for (String student : studentNumbers) {
            mongo.updateFirst(query(where("_id").is(id).and("paid." + student + ".transactionId").is(transactionId)),
                    new Update().unset("paid." + student).inc("version", 1L), COLLECTION);
        }
    }

    @Override
    public List<FeeYear> withUnbookedBatches(Instant before) {
        return mongo.find(query(where("batches").elemMatch(where("booked").is(false).and("recordedAt").lt(before))),
                FeeYear.class, COLLECTION);
    }
}
