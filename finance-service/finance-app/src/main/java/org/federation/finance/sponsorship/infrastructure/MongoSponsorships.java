package org.federation.finance.sponsorship.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.federation.finance.ledger.domain.Withdrawal;
import org.federation.finance.sponsorship.domain.Sponsorship;
import org.federation.finance.sponsorship.domain.Sponsorships;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Sponsorships in {@code sponsorships}; a receipt is added by a conditional update on the promise. */
@Repository
class MongoSponsorships implements Sponsorships {

    static final String COLLECTION = "sponsorships";

    private final MongoTemplate mongo;

    MongoSponsorships(MongoTemplate mongo, MongoIndexes indexes) {
        this.mongo = mongo;
        // a club's sponsorships; receipts and withdrawals recorded but not yet booked (the sweep)
        indexes.ensure(COLLECTION, "clubId");
        indexes.ensure(COLLECTION, "receipts.booked", "receipts.recordedAt");
        indexes.ensure(COLLECTION, "receipts.withdrawal.booked", "receipts.withdrawal.withdrawnAt");
    }

    @Override
    public void insert(Sponsorship sponsorship) {
        mongo.insert(sponsorship, COLLECTION);
    }

    @Override
    public Optional<Sponsorship> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Sponsorship.class, COLLECTION));
    }

    @Override
    public boolean addReceipt(String id, Sponsorship.Receipt receipt) {
        Sponsorship current = mongo.findById(id, Sponsorship.class, COLLECTION);
        if (current == null) {
            return false;
        }
        // received may only grow to the promise: the filter holds the largest received total this receipt allows
        return mongo.updateFirst(query(where("_id").is(id).and("receivedFen").lte(current.promisedFen() - receipt.amountFen())
                                .and("receipts._id").ne(receipt.id())),
                        new Update().inc("receivedFen", receipt.amountFen())
                                .push("receipts", mongo.getConverter().convertToMongoType(receipt)), COLLECTION)
                .getMatchedCount() == 1;
    }

    @Override
    public void markBooked(String id, String receiptId) {
        mongo.updateFirst(query(where("_id").is(id).and("receipts._id").is(receiptId)),
                new Update().set("receipts.$.booked", true), COLLECTION);
    }

    @Override
    public List<Sponsorship> withUnbookedReceipts(Instant before) {
        return mongo.find(query(where("receipts").elemMatch(where("booked").is(false).and("recordedAt").lt(before))),
                Sponsorship.class, COLLECTION);
    }

    @Override
    public boolean withdraw(String id, Sponsorship.Receipt receipt, Withdrawal withdrawal) {
        // withdrawnReceiptIds (bookkeeping beside the record) makes "not withdrawn yet" one condition of one update
        return mongo.updateFirst(query(where("_id").is(id).and("receipts._id").is(receipt.id())
                                .and("withdrawnReceiptIds").ne(receipt.id())),
                        new Update().inc("receivedFen", -receipt.amountFen()).push("withdrawnReceiptIds", receipt.id())
                                .set("receipts.$.withdrawal", mongo.getConverter().convertToMongoType(withdrawal)), COLLECTION)
                .getMatchedCount() == 1;
    }

    @Override
    public void markWithdrawalBooked(String id, String receiptId) {
        mongo.updateFirst(query(where("_id").is(id).and("receipts._id").is(receiptId)),
                new Update().set("receipts.$.withdrawal.booked", true), COLLECTION);
    }

    @Override
    public List<Sponsorship> withUnbookedWithdrawals(Instant before) {
        return mongo.find(query(where("receipts").elemMatch(where("withdrawal.booked").is(false)
                .and("withdrawal.withdrawnAt").lt(before))), Sponsorship.class, COLLECTION);
    }

    @Override
    public PageOf<Sponsorship> page(String clubId, int page, int size) {
        return NewestFirst.page(mongo, COLLECTION, Sponsorship.class,
                clubId == null ? new Criteria() : where("clubId").is(clubId), "recordedAt", page, size);
    }
}
