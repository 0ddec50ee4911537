package org.federation.finance.ledger.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.junit.jupiter.api.Test;

/**
 * Real threads, two ledger instances over one store (two instances of the ledger components over
 * one MongoTemplate, not two full application contexts): each instance sweeps in a loop while
 * bookings are posted on one instance and retried on the other, and balances are moved between
 * funds. Afterwards every balance is the sum of its entries and each transaction applied once.
 */
class TwoInstancesStressTest {

    static final Instant NOW = Instant.parse("2026-11-10T08:00:00Z");

    @Test
    void sweepsRetriesAndMovesOnTwoInstancesApplyEachTransactionOnce() throws Exception {
        try (TwoLedgers ledgers = new TwoLedgers(Clock.fixed(NOW, ZoneOffset.UTC), FinishingSteps.NONE)) {
            List<String> funds = List.of("acct-stress-0", "acct-stress-1", "acct-stress-2");
            funds.forEach(f -> ledgers.open(f, true, NOW));
            String income = "federation-income-stress";
            ledgers.open(income, false, NOW);
            ExecutorService pool = Executors.newFixedThreadPool(7);
            AtomicBoolean booking = new AtomicBoolean(true);
            List<CompletableFuture<?>> work = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                int i = instance;
                work.add(CompletableFuture.runAsync(() -> {
                    while (booking.get()) {
                        ledgers.ledgers[i].recover(NOW.plusSeconds(1));
                    }
                }, pool));
            }
            List<CompletableFuture<?>> bookers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int t = thread;
                bookers.add(CompletableFuture.runAsync(() -> {
                    for (int n = 0; n < 60; n++) {
                        Transaction tx = Transaction.create("stress-" + t + "-" + n, Transaction.MANUAL, "grant", "stress",
                                "test", new Transaction.Source("manual", null, null), LocalDate.of(2026, 11, 10), NOW,
                                List.of(Line.debit(funds.get((t + n) % 3), 100 + n, null), Line.credit(income, 100 + n, null)),
                                null);
                        ledgers.ledgers[n % 2].post(tx);
                        ledgers.journals[(n + 1) % 2].post(tx); // the retry, on the other instance
                    }
                }, pool));
            }
            bookers.add(CompletableFuture.runAsync(() -> {
                for (int n = 0; n < 40; n++) {
                    String id = "stress-move-" + n;
                    ledgers.ledgers[n % 2].moveBalance(funds.get(n % 3), funds.get((n + 1) % 3), id, Transaction.MERGER,
                            "transfer", "merged", "system", new Transaction.Source("merger", id, null));
                }
            }, pool));
            CompletableFuture.allOf(bookers.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            booking.set(false);
            CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
            pool.shutdown();
            ledgers.ledgers[0].recover(NOW.plusSeconds(1));
            assertThat(ledgers.broken(funds, income)).isNull();
            assertThat(ledgers.transactionsOf(funds)).hasSizeGreaterThanOrEqualTo(240);
        }
    }
}
