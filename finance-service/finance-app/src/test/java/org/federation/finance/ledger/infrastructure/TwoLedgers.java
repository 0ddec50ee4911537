package org.federation.finance.ledger.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.producer.MockProducer;
import org.bson.Document;
import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.accounts.infrastructure.MongoAccounts;
import org.federation.finance.ledger.application.BookingCalendar;
import org.federation.finance.ledger.application.Ledger;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.ReversalFollowUp;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.domain.Decision;
import org.federation.platform.embeddedstore.EmbeddedStore;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.OutboxRelay;
import org.federation.platform.messaging.OutboxRelaySettings;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two "instances" of the ledger (each its own {@link MongoJournal} and {@link Ledger}) over one
 * Mongo-wire store, with the finishing steps of both routed to one {@link FinishingSteps}: what
 * two finance-service instances share is the database, and this is all of the ledger that touches it.
 * Accounts are read and written as the app stores them (the outbox, irrelevant to balances, is left out).
 */
final class TwoLedgers implements AutoCloseable {

    final MongoServer server = new MongoServer(EmbeddedStore.inMemory());
    final MongoTemplate mongo;
    final MongoJournal[] journals = new MongoJournal[2];
    final Ledger[] ledgers = new Ledger[2];

    TwoLedgers(Clock clock, FinishingSteps steps) {
        var address = server.bind();
        mongo = new MongoTemplate(MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()),
                "finance");
        // the app's own accounts repository; its relay is never started, so nothing goes to Kafka
        OutboxRelay relay = new OutboxRelay(mongo, new MockProducer<>(), List.of(), OutboxRelaySettings.defaults(), clock);
        AggregateStore store = new AggregateStore(mongo, JsonMapper.builder().build(), "/finance-service", relay, clock);
        Accounts accounts = new MongoAccounts(mongo, store, new org.federation.platform.persistence.MongoIndexes(mongo));
        BookingCalendar calendar = new BookingCalendar(new org.federation.platform.domain.BusinessClock(clock));
        var noFollowUps = new DefaultListableBeanFactory().getBeanProvider(ReversalFollowUp.class);
        for (int i = 0; i < 2; i++) {
            journals[i] = new MongoJournal(mongo, store, clock, steps);
            ledgers[i] = new Ledger(journals[i], accounts, (account, date) -> Optional.empty(), calendar, noFollowUps);
        }
    }

    void open(String id, boolean club, Instant now) {
        Decision<Account> opening = club ? Account.openForClub(id.substring("acct-".length()), id, "test", now)
                : Account.openForFederation(id, id, now);
        mongo.insert(opening.state(), MongoJournal.ACCOUNTS);
    }

    long balance(String account) {
        return mongo.findById(account, Account.class, MongoJournal.ACCOUNTS).balanceFen();
    }

    @SuppressWarnings("unchecked")
    List<String> markers(String account) {
        Document stored = mongo.findById(account, Document.class, MongoJournal.ACCOUNTS);
        Object applied = stored.get(MongoJournal.APPLIED_TRANSACTIONS);
        return applied == null ? List.of() : (List<String>) applied;
    }

    List<Transaction> transactionsOf(List<String> accounts) {
        return mongo.find(query(where("lines.accountId").in(accounts)), Transaction.class, MongoJournal.TRANSACTIONS);
    }

    /**
     * The invariants after every finisher has stopped and a clean sweep has run: nothing pending;
     * each account's balance is the sum of its transactions' lines and holds each transaction's
     * marker exactly once; debits equal credits; the funds hold what the income account received.
     * Returns a description of the first broken one, or null.
     */
    String broken(List<String> funds, String income) {
        List<String> all = new java.util.ArrayList<>(funds);
        all.add(income);
        Map<String, Long> sums = new HashMap<>();
        long debits = 0;
        long credits = 0;
        for (Transaction t : transactionsOf(all)) {
            if (!t.isDone()) {
                return "transaction " + t.id() + " is still pending after the sweep";
            }
            t.balanceDeltas().forEach((account, delta) -> sums.merge(account, delta, Long::sum));
            debits += t.lines().stream().filter(Line::isDebit).mapToLong(Line::amountFen).sum();
            credits += t.lines().stream().filter(l -> !l.isDebit()).mapToLong(Line::amountFen).sum();
        }
        if (debits != credits) {
            return "debits " + debits + " != credits " + credits;
        }
        for (String account : all) {
            if (balance(account) != sums.getOrDefault(account, 0L)) {
                return "balance of " + account + " is " + balance(account) + " but its entries sum to "
                        + sums.getOrDefault(account, 0L);
            }
        }
        long funds1 = funds.stream().mapToLong(this::balance).sum();
        if (funds1 != balance(income)) {
            return "the funds hold " + funds1 + " but the income account received " + balance(income);
        }
        for (Transaction t : transactionsOf(all)) {
            for (String account : t.accounts()) {
                long times = markers(account).stream().filter(t.id()::equals).count();
                if (times != 1) {
                    return "transaction " + t.id() + " is marked " + times + " times on " + account;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
