package org.federation.finance.ledger.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.federation.finance.ledger.domain.Journal;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.paging.PageOf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The journal in MongoDB without multi-document transactions.
 *
 * <ol>
 * <li>The transaction is inserted into {@code transactions} with {@code posting: pending}: one
 * atomic write of all its lines; its id (derived from its source) makes a second posting of the
 * same source a duplicate-key no-op.</li>
 * <li>Each touched account's {@code balanceFen} is moved by a conditional update that also adds
 * the transaction id to the account's {@code pendingTransactions} and only matches while the id is
 * not there yet: applying a line twice is impossible, whoever retries. It bumps the account's
 * {@code version}, so a concurrent decision on the account (settlement) is made again on the new
 * balance.</li>
 * <li>The transaction is marked {@code done}; only then are the ids pulled from the accounts'
 * {@code pendingTransactions} (a pull before {@code done} could let a retry apply a line again).</li>
 * </ol>
 * A crash anywhere leaves a pending transaction that the sweep (or the next poster of the same
 * id) finishes by running steps 2 and 3 again.
 */
@Repository
class MongoJournal implements Journal {

    private static final Logger log = LoggerFactory.getLogger(MongoJournal.class);

    static final String TRANSACTIONS = "transactions";
    static final String ACCOUNTS = "accounts";
    static final String PENDING_TRANSACTIONS = "pendingTransactions";

    private final MongoTemplate mongo;

    MongoJournal(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Posted post(Transaction transaction) {
        boolean created;
        Transaction stored;
        try {
            mongo.insert(transaction, TRANSACTIONS);
            created = true;
            stored = transaction;
        } catch (DuplicateKeyException alreadyPosted) {
            created = false;
            stored = find(transaction.id()).orElseThrow(() -> alreadyPosted);
        }
        if (!stored.isDone()) {
            finish(stored);
            stored = find(stored.id()).orElse(stored);
        }
        return new Posted(stored, created);
    }

    @Override
    public Optional<Transaction> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Transaction.class, TRANSACTIONS));
    }

    @Override
    public void finish(Transaction transaction) {
        var deltas = transaction.balanceDeltas();
        deltas.forEach((account, delta) -> {
            var applied = mongo.updateFirst(query(where("_id").is(account).and(PENDING_TRANSACTIONS).ne(transaction.id())),
                    new Update().inc("balanceFen", delta).inc("version", 1L).push(PENDING_TRANSACTIONS, transaction.id()),
                    ACCOUNTS);
            if (applied.getMatchedCount() == 0 && !mongo.exists(query(where("_id").is(account)), ACCOUNTS)) {
                // never happens for a validated posting; left pending so the sweep retries and someone notices
                throw new IllegalStateException("transaction " + transaction.id() + " names account " + account
                        + ", which does not exist");
            }
        });
        mongo.updateFirst(query(where("_id").is(transaction.id()).and("posting").is(Transaction.PENDING)),
                new Update().set("posting", Transaction.DONE), TRANSACTIONS);
        deltas.keySet().forEach(account -> mongo.updateFirst(query(where("_id").is(account)),
                new Update().pull(PENDING_TRANSACTIONS, transaction.id()), ACCOUNTS));
    }

    @Override
    public List<Transaction> pendingSince(Instant before) {
        return mongo.find(query(where("posting").is(Transaction.PENDING).and("postedAt").lt(before)),
                Transaction.class, TRANSACTIONS);
    }

    @Override
    public List<Transaction> pendingFor(String accountId) {
        return mongo.find(query(where("posting").is(Transaction.PENDING).and("lines.accountId").is(accountId)),
                Transaction.class, TRANSACTIONS);
    }

    @Override
    public List<Transaction> of(String accountId, LocalDate from, LocalDate to) {
        Query query = query(where("lines.accountId").is(accountId).and("posting").is(Transaction.DONE)
                .and("bookedOn").gte(from).lt(to))
                .with(Sort.by(Sort.Order.asc("bookedOn"), Sort.Order.asc("postedAt"), Sort.Order.asc("_id")));
        return mongo.find(query, Transaction.class, TRANSACTIONS);
    }

    @Override
    public long balanceBefore(String accountId, LocalDate date) {
        return mongo.find(query(where("lines.accountId").is(accountId).and("posting").is(Transaction.DONE)
                        .and("bookedOn").lt(date)), Transaction.class, TRANSACTIONS)
                .stream().mapToLong(t -> t.deltaFor(accountId)).sum();
    }

    @Override
    public PageOf<Transaction> page(String accountId, int page, int size) {
        Query matching = query(where("lines.accountId").is(accountId));
        Query paged = Query.of(matching).with(Sort.by(Sort.Order.desc("bookedOn"), Sort.Order.desc("postedAt"),
                Sort.Order.desc("_id"))).skip((long) page * size).limit(size);
        return new PageOf<>(mongo.find(paged, Transaction.class, TRANSACTIONS), page, size,
                mongo.count(matching, TRANSACTIONS));
    }

    @Override
    public void tidy(String accountId) {
        org.bson.Document account = mongo.findById(accountId, org.bson.Document.class, ACCOUNTS);
        if (account == null || !(account.get(PENDING_TRANSACTIONS) instanceof List<?> ids) || ids.isEmpty()) {
            return;
        }
        for (Object id : ids) {
            find(String.valueOf(id)).ifPresentOrElse(t -> {
                if (t.isDone()) {
                    mongo.updateFirst(query(where("_id").is(accountId)), new Update().pull(PENDING_TRANSACTIONS, id),
                            ACCOUNTS);
                }
            }, () -> log.error("account {} lists transaction {} as pending, but it does not exist", accountId, id));
        }
    }
}
