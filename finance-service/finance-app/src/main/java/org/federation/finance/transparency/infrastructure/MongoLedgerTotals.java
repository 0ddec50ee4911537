package org.federation.finance.transparency.infrastructure;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.unwind;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.transparency.domain.LedgerTotals;
import org.federation.finance.transparency.domain.TrialBalance;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Sums the journal's lines in the store (one aggregation: the transactions booked up to the date,
 * their lines unwound, grouped by account and side), so the ledger is not carried to the service
 * to be added up. Booking dates are stored as ISO text, which compares like the dates.
 */
@Repository
class MongoLedgerTotals implements LedgerTotals {

    /** The journal's collection (the ledger feature writes it; this only reads it). */
    static final String TRANSACTIONS = "transactions";

    private final MongoTemplate mongo;

    MongoLedgerTotals(MongoTemplate mongo, MongoIndexes indexes) {
        this.mongo = mongo;
        // the transactions booked up to a date
        indexes.ensure(TRANSACTIONS, "bookedOn");
    }

    @Override
    public List<TrialBalance.AccountTotals> byAccount(LocalDate asOf) {
        var sums = newAggregation(
                match(where("bookedOn").lte(asOf.toString())),
                unwind("lines"),
                group("lines.accountId", "lines.side").sum("lines.amountFen").as("fen"));
        Map<String, long[]> byAccount = new LinkedHashMap<>();
        for (Document sum : mongo.aggregate(sums, TRANSACTIONS, Document.class).getMappedResults()) {
            Document key = sum.get("_id", Document.class);
            long[] debitsAndCredits = byAccount.computeIfAbsent(key.getString("accountId"), id -> new long[2]);
            debitsAndCredits[Line.DEBIT.equals(key.getString("side")) ? 0 : 1] += ((Number) sum.get("fen")).longValue();
        }
        return byAccount.entrySet().stream()
                .map(e -> new TrialBalance.AccountTotals(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
