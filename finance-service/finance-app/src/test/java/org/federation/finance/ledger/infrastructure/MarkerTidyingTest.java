package org.federation.finance.ledger.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The sweep's tidying of applied-transaction markers, on the embedded store (mongo-java-server)
 * the tests and the local platform run on: an account holding more than 1000 markers is found by
 * its query, loses the markers of transactions posted and done more than 7 days ago (by the
 * injected clock), and a finisher that stalled holding a pending copy of one of them still
 * applies nothing; what is younger or still pending keeps its marker or stays applicable.
 */
class MarkerTidyingTest {

    static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    static final String FUND = "acct-tidy-club";
    static final String INCOME = "federation-income-other";

    /** A clock the test moves forward. */
    static final class SteppingClock extends Clock {

        final AtomicReference<Instant> now = new AtomicReference<>(START);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }
    }

    static Transaction grant(String id, long fen, Instant postedAt) {
        return Transaction.create(id, Transaction.MANUAL, "grant", "grant", "test",
                new Transaction.Source("manual", null, null), LocalDate.of(2026, 11, 1), postedAt,
                List.of(Line.debit(FUND, fen, null), Line.credit(INCOME, fen, null)), null);
    }

    @Test
    void markersOfTransactionsDoneOverSevenDaysAgoArePrunedAndAStalledFinisherStillAppliesNothing() {
        SteppingClock clock = new SteppingClock();
        try (TwoLedgers ledgers = new TwoLedgers(clock, FinishingSteps.NONE)) {
            ledgers.open(FUND, true, START);
            ledgers.open(INCOME, false, START);
            MongoJournal journal = ledgers.journals[0];

            // a finisher reads "stalled" while it is pending, then stalls; another instance posts it whole
            Transaction stalled = grant("stalled", 7, clock.instant());
            ledgers.ledgers[1].post(stalled);
            List<Transaction> old = new ArrayList<>();
            for (int n = 0; n < MongoJournal.MARKERS_BEFORE_TIDYING - 1; n++) {
                old.add(grant("old-" + n, 1, clock.instant()));
            }
            postedInBulk(ledgers, old);
            assertThat(ledgers.markers(FUND)).hasSize(MongoJournal.MARKERS_BEFORE_TIDYING);
            assertThat(journal.accountsToTidy()).as("1000 markers are not too many yet").isEmpty();

            // an hour later a posting crashes after its insert: pending, applied nowhere yet
            clock.advance(Duration.ofHours(1));
            Transaction interrupted = grant("interrupted", 100, clock.instant());
            ledgers.mongo.insert(interrupted, MongoJournal.TRANSACTIONS);
            clock.advance(Duration.ofHours(1));
            Transaction later = grant("later", 1_000, clock.instant());
            ledgers.ledgers[0].post(later);
            assertThat(journal.accountsToTidy()).as("found by the query on the embedded store")
                    .containsExactlyInAnyOrder(FUND, INCOME);

            // a week later the sweep tidies; the interrupted posting is still pending (its sweep grace not yet passed)
            clock.advance(MongoJournal.MARKER_RETENTION);
            Transaction recent = grant("recent", 10_000, clock.instant());
            ledgers.ledgers[1].post(recent);
            long fund = ledgers.balance(FUND);
            ledgers.ledgers[0].recover(START); // finishes nothing (nothing pending before START), tidies

            assertThat(ledgers.markers(FUND)).as("kept: posted after the oldest pending one, or within the week")
                    .containsExactlyInAnyOrder("later", "recent");
            assertThat(ledgers.markers(INCOME)).containsExactlyInAnyOrder("later", "recent");
            assertThat(ledgers.balance(FUND)).as("tidying moves no money").isEqualTo(fund);
            assertThat(journal.accountsToTidy()).isEmpty();

            // the stalled finisher wakes up with its pending copy: its marker is gone, and it still matches nothing
            ledgers.journals[1].finish(stalled);
            ledgers.journals[0].finish(old.get(0));
            assertThat(ledgers.balance(FUND)).as("nothing applied twice").isEqualTo(fund);
            assertThat(ledgers.markers(FUND)).containsExactlyInAnyOrder("later", "recent");
            assertThat(appliedMarkersFrom(ledgers, FUND)).as("never past the oldest pending transaction")
                    .isEqualTo(interrupted.postedAt());

            // the interrupted posting is still applied, once, by whoever finishes it
            ledgers.ledgers[0].recover(clock.instant());
            ledgers.journals[1].finish(interrupted);
            assertThat(ledgers.balance(FUND)).isEqualTo(fund + 100);
            assertThat(ledgers.balance(INCOME)).isEqualTo(fund + 100);
            assertThat(ledgers.balance(FUND)).as("the balance is the sum of the entries")
                    .isEqualTo(ledgers.transactionsOf(List.of(FUND)).stream().mapToLong(t -> t.deltaFor(FUND)).sum());

            // once it is done and over a week old, the next tidy takes the floor past it
            clock.advance(MongoJournal.MARKER_RETENTION.plusMinutes(1));
            List<Transaction> fresh = new ArrayList<>();
            for (int n = 0; n < MongoJournal.MARKERS_BEFORE_TIDYING; n++) {
                fresh.add(grant("new-" + n, 1, clock.instant()));
            }
            postedInBulk(ledgers, fresh);
            ledgers.ledgers[0].recover(START);
            assertThat(ledgers.markers(FUND)).hasSize(MongoJournal.MARKERS_BEFORE_TIDYING)
                    .doesNotContain("interrupted", "later", "recent");
            ledgers.journals[1].finish(interrupted);
            ledgers.journals[1].finish(recent);
            assertThat(ledgers.balance(FUND)).isEqualTo(fund + 100 + MongoJournal.MARKERS_BEFORE_TIDYING);
        }
    }

    @Test
    void aRecordBookedLongAfterItWasMadeIsAppliedThoughItsAccountsWereTidiedMeanwhile() {
        SteppingClock clock = new SteppingClock();
        try (TwoLedgers ledgers = new TwoLedgers(clock, FinishingSteps.NONE)) {
            ledgers.open(FUND, true, START);
            ledgers.open(INCOME, false, START);
            List<Transaction> old = new ArrayList<>();
            for (int n = 0; n <= MongoJournal.MARKERS_BEFORE_TIDYING; n++) {
                old.add(grant("old-" + n, 1, clock.instant()));
            }
            postedInBulk(ledgers, old);
            // eight days on (the sweep down that long), the accounts are tidied: nothing before a week ago is applied again
            clock.advance(Duration.ofDays(8));
            ledgers.ledgers[0].recover(START);
            assertThat(appliedMarkersFrom(ledgers, FUND)).isAfter(START);
            long fund = ledgers.balance(FUND);

            // then the record made at the start (a fee batch, a claim) is booked, its transaction built with the record's time
            Transaction late = grant("late", 500, START);
            ledgers.ledgers[1].post(late);

            assertThat(ledgers.balance(FUND)).as("applied, not taken for one applied before the tidying").isEqualTo(fund + 500);
            assertThat(ledgers.balance(INCOME)).isEqualTo(fund + 500);
            Transaction stored = ledgers.mongo.findById("late", Transaction.class, MongoJournal.TRANSACTIONS);
            assertThat(stored.isDone()).isTrue();
            assertThat(stored.postedAt()).as("posted when it was written").isEqualTo(clock.instant());
        }
    }

    /**
     * What the journal leaves once it has posted and finished these transactions (inserted, applied
     * to each account with its marker, done), written in a few bulk writes to keep the test fast.
     */
    static void postedInBulk(TwoLedgers ledgers, List<Transaction> transactions) {
        ledgers.mongo.insert(transactions, MongoJournal.TRANSACTIONS);
        ledgers.mongo.updateMulti(Query.query(Criteria.where("_id").in(transactions.stream().map(Transaction::id).toList())),
                new Update().set("posting", Transaction.DONE), MongoJournal.TRANSACTIONS);
        for (String account : List.of(FUND, INCOME)) {
            Update applied = new Update().inc("balanceFen", transactions.stream().mapToLong(t -> t.deltaFor(account)).sum())
                    .inc("version", 1L);
            applied.push(MongoJournal.APPLIED_TRANSACTIONS).each(transactions.stream().map(Transaction::id).toArray());
            ledgers.mongo.updateFirst(Query.query(Criteria.where("_id").is(account)), applied, MongoJournal.ACCOUNTS);
        }
    }

    static Instant appliedMarkersFrom(TwoLedgers ledgers, String account) {
        Document stored = ledgers.mongo.findById(account, Document.class, MongoJournal.ACCOUNTS);
        return stored.getDate(MongoJournal.APPLIED_MARKERS_FROM).toInstant();
    }
}
