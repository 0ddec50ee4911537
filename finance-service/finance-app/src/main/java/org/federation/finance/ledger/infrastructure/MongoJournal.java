package org.federation.finance.ledger.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.federation.finance.contracts.FinanceTopics;
import org.federation.finance.ledger.domain.Journal;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.federation.platform.persistence.MongoIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
 * the transaction id to the account's {@code appliedTransactions} and only matches while the id is
 * not there: the check and the change are one single-document write, so of any number of
 * finishers (two sweeps, a retried posting, a balance move) exactly one moves the balance and the
 * others' updates match nothing. It bumps the account's {@code version}, so a concurrent decision
 * on the account (settlement) is made again on the new balance.</li>
 * <li>The transaction is marked {@code done}.</li>
 * </ol>
 * A crash anywhere leaves a pending transaction that the sweep (or the next poster of the same
 * id) finishes by running steps 2 and 3 again.
 *
 * <p>The markers are <em>not</em> removed when the transaction is done: a finisher that read the
 * transaction while it was pending may still be on its way, and removing the marker would let its
 * update apply the line a second time (the double apply of issue 16). {@link #tidy} removes
 * markers only of transactions done and posted more than {@link #MARKER_RETENTION} ago, and in
 * the same update raises the account's {@code appliedMarkersFrom}; an update only matches a
 * transaction posted at or after it, so a straggler holding a transaction whose marker is gone
 * still matches nothing.
 */
@Repository
class MongoJournal implements Journal {

    private static final Logger log = LoggerFactory.getLogger(MongoJournal.class);

    static final String TRANSACTIONS = "transactions";
    static final String ACCOUNTS = "accounts";
    /** The transactions applied to an account's balance: checked and set with the balance change. */
    static final String APPLIED_TRANSACTIONS = "appliedTransactions";
    /** Markers written before issue 16, pulled once a transaction was done; still honoured. */
    static final String LEGACY_PENDING_TRANSACTIONS = "pendingTransactions";
    /** Transactions posted before this instant are no longer applied to the account (their markers are gone). */
    static final String APPLIED_MARKERS_FROM = "appliedMarkersFrom";
    /** How long an account keeps a done transaction's marker: far longer than any finisher can take. */
    static final Duration MARKER_RETENTION = Duration.ofDays(7);
    /** Older than this when written, a transaction's time is the journal's now (see {@link #writtenNow}); far below the retention. */
    static final Duration LATE = Duration.ofMinutes(5);
    /** An account with more markers than this is tidied by the sweep. */
    static final int MARKERS_BEFORE_TIDYING = 1000;

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;
    private final FinishingSteps steps;

    /** Counts each transaction once, when its document is written: {@code federation.ledger.postings{kind}}. */
    private final java.util.function.Consumer<Transaction> posted;

    @Autowired
    MongoJournal(MongoTemplate mongo, AggregateStore store, Clock clock, ObjectProvider<FinishingSteps> steps,
                 ObjectProvider<MeterRegistry> meters, MongoIndexes indexes) {
        this(mongo, store, clock, steps.getIfAvailable(() -> FinishingSteps.NONE), meters.getIfAvailable());
        // an account's transactions (its statement, pending ones, before a date); pending postings the sweep finishes
        indexes.ensure(TRANSACTIONS, "lines.accountId", "posting", "bookedOn");
        indexes.ensure(TRANSACTIONS, "posting", "postedAt");
        // accounts whose applied-transaction markers are due for tidying: few, so a sparse index on the first
        // marker past the limit holds only them
        indexes.ensureSparse(ACCOUNTS, APPLIED_TRANSACTIONS + "." + MARKERS_BEFORE_TIDYING);
    }

    MongoJournal(MongoTemplate mongo, AggregateStore store, Clock clock, FinishingSteps steps) {
        this(mongo, store, clock, steps, null);
    }

    private MongoJournal(MongoTemplate mongo, AggregateStore store, Clock clock, FinishingSteps steps, MeterRegistry meters) {
        this.posted = meters == null ? t -> { } : t -> postings(meters, t.kind()).increment();
        if (meters != null) {
            Transaction.KINDS.forEach(kind -> postings(meters, kind)); // at 0 from the start, so rates are defined
        }
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
        this.steps = steps;
        // each transaction's document is its own outbox: written once with its events, never changed but for posting
        store.register(TRANSACTIONS, FinanceTopics.FINANCE_EVENTS);
    }

    private static Counter postings(MeterRegistry meters, String kind) {
        return Counter.builder("federation.ledger.postings")
                .description("ledger transactions posted, by kind (manual, fee-payment, expense-claim, reversal, ...)")
                .tag("kind", kind).register(meters);
    }

    @Override
    public Posted post(Transaction transaction) {
        return post(transaction, List.of());
    }

    @Override
    public Posted post(Transaction given, List<DomainEvent> facts) {
        Transaction transaction = writtenNow(given);
        boolean created;
        Transaction stored;
        try {
            List<DomainEvent> events = new ArrayList<>(facts.size() + 1);
            events.add(transaction.recorded());
            events.addAll(facts);
            store.insert(TRANSACTIONS, transaction.id(), transaction, events);
            posted.accept(transaction);
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

    /**
     * A transaction is posted when it is written. One built with the time of an old record (a fee batch, a
     * claim or a receipt the sweep books after a long outage) would fall before an account's
     * {@code appliedMarkersFrom} once that account was tidied, and {@link #finish} would take it for one
     * applied long ago and skip it: such a transaction gets the journal's now instead.
     */
    private Transaction writtenNow(Transaction transaction) {
        Instant now = clock.instant();
        return transaction.postedAt() == null || transaction.postedAt().isBefore(now.minus(LATE))
                ? transaction.postedAt(now) : transaction;
    }

    @Override
    public Optional<Transaction> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Transaction.class, TRANSACTIONS));
    }

    @Override
    public void finish(Transaction transaction) {
        steps.reached(FinishingSteps.Step.START, transaction.id(), null);
        Date postedAt = Date.from(transaction.postedAt());
        transaction.balanceDeltas().forEach((account, delta) -> {
            steps.reached(FinishingSteps.Step.APPLY, transaction.id(), account);
            Query notYetApplied = query(where("_id").is(account)
                    .and(APPLIED_TRANSACTIONS).ne(transaction.id())
                    .and(LEGACY_PENDING_TRANSACTIONS).ne(transaction.id())
                    .orOperator(where(APPLIED_MARKERS_FROM).exists(false), where(APPLIED_MARKERS_FROM).lte(postedAt)));
            var applied = mongo.updateFirst(notYetApplied,
                    new Update().inc("balanceFen", delta).inc("version", 1L).push(APPLIED_TRANSACTIONS, transaction.id()),
                    ACCOUNTS);
            if (applied.getMatchedCount() == 0 && !mongo.exists(query(where("_id").is(account)), ACCOUNTS)) {
                // never happens for a validated posting; left pending so the sweep retries and someone notices
                throw new IllegalStateException("transaction " + transaction.id() + " names account " + account
                        + ", which does not exist");
            }
        });
        steps.reached(FinishingSteps.Step.MARK_DONE, transaction.id(), null);
        mongo.updateFirst(query(where("_id").is(transaction.id()).and("posting").is(Transaction.PENDING)),
                new Update().set("posting", Transaction.DONE), TRANSACTIONS);
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
    public List<String> accountsToTidy() {
        return mongo.find(query(where(APPLIED_TRANSACTIONS + "." + MARKERS_BEFORE_TIDYING).exists(true)),
                org.bson.Document.class, ACCOUNTS).stream().map(d -> d.getString("_id")).toList();
    }

    /**
     * Removes the markers of transactions done and posted more than {@link #MARKER_RETENTION} ago,
     * and raises the account's {@code appliedMarkersFrom} in the same update, so no finisher can
     * apply one of them again. It stops short of the oldest transaction still pending on the
     * account, which must stay applicable.
     */
    @Override
    public void tidy(String accountId) {
        org.bson.Document account = mongo.findById(accountId, org.bson.Document.class, ACCOUNTS);
        if (account == null) {
            return;
        }
        Instant cutoff = clock.instant().minus(MARKER_RETENTION);
        Instant floor = pendingFor(accountId).stream().map(Transaction::postedAt).filter(cutoff::isAfter)
                .min(Instant::compareTo).orElse(cutoff);
        Set<Object> marked = new LinkedHashSet<>();
        for (String field : List.of(APPLIED_TRANSACTIONS, LEGACY_PENDING_TRANSACTIONS)) {
            if (account.get(field) instanceof List<?> ids) {
                marked.addAll(ids);
            }
        }
        // one query for all of them (not one per marker: an account being tidied holds over a thousand)
        Query markedTransactions = query(where("_id").in(marked));
        markedTransactions.fields().include("_id").include("posting").include("postedAt");
        List<Object> prunable = new ArrayList<>();
        Set<Object> missing = new LinkedHashSet<>(marked);
        for (org.bson.Document t : mongo.find(markedTransactions, org.bson.Document.class, TRANSACTIONS)) {
            missing.remove(t.get("_id"));
            Date postedAt = t.getDate("postedAt");
            if (Transaction.DONE.equals(t.getString("posting")) && postedAt != null && postedAt.toInstant().isBefore(floor)) {
                prunable.add(t.get("_id"));
            }
        }
        if (!missing.isEmpty()) {
            log.error("account {} lists transactions {} as applied, but they do not exist", accountId, missing);
        }
        if (prunable.isEmpty()) {
            return;
        }
        mongo.updateFirst(query(where("_id").is(accountId)), new Update()
                .max(APPLIED_MARKERS_FROM, Date.from(floor))
                .pullAll(APPLIED_TRANSACTIONS, prunable.toArray())
                .pullAll(LEGACY_PENDING_TRANSACTIONS, prunable.toArray()), ACCOUNTS);
    }
}
