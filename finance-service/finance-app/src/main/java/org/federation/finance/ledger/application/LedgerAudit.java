package org.federation.finance.ledger.application;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.ledger.domain.Journal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Checks, every {@code federation.finance.audit.interval} (an hour), the ledger's invariant: each
 * account's balance is the sum of its done transactions. A defect can break it silently (before
 * 2026-12-07 a transaction booked over a week after its record could be marked done on a tidied
 * account without moving its balance), and nothing else would say so. Read-only, so every instance
 * may run it. An account with pending transactions is skipped (a posting is finishing), and an account
 * is reported only when the same difference is seen in two audits in a row (a posting that finished
 * between the two reads looks like a difference for a moment): logged at ERROR with its balance and
 * its transactions' sum, for the Finance Department to correct with a booking, and counted by
 * {@code federation_ledger_accounts_out_of_balance} (alert {@code LedgerOutOfBalance}).
 */
@Component
public class LedgerAudit {

    private static final Logger log = LoggerFactory.getLogger(LedgerAudit.class);

    private final Accounts accounts;
    private final Journal journal;
    private final BookingCalendar calendar;
    /** The differences the last audit saw, by account: confirmed if the next one sees the same. */
    private final Map<String, Long> seenBefore = new ConcurrentHashMap<>();
    private final AtomicInteger outOfBalance = new AtomicInteger();

    LedgerAudit(Accounts accounts, Journal journal, BookingCalendar calendar, MeterRegistry meters) {
        this.accounts = accounts;
        this.journal = journal;
        this.calendar = calendar;
        Gauge.builder("federation.ledger.accounts.out.of.balance", outOfBalance, AtomicInteger::get)
                .description("accounts whose balance was not the sum of their transactions in the last two audits")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${federation.finance.audit.interval:PT1H}",
            initialDelayString = "${federation.finance.audit.interval:PT1H}")
    void scheduled() {
        try {
            audit();
        } catch (RuntimeException e) {
            log.warn("The ledger audit failed; it runs again in an interval: {}", e.getMessage());
        }
    }

    /** One audit: the accounts out of balance in this audit and the one before, each with balance minus sum. */
    public synchronized Map<String, Long> audit() {
        LocalDate afterToday = calendar.today().plusDays(1);
        Map<String, Long> seen = new HashMap<>();
        Map<String, Long> confirmed = new TreeMap<>();
        for (Account account : accounts.all()) {
            if (!journal.pendingFor(account.id()).isEmpty()) {
                continue;
            }
            long sum = journal.balanceBefore(account.id(), afterToday);
            long balance = accounts.find(account.id()).map(Account::balanceFen).orElse(sum);
            long difference = balance - sum;
            if (difference != 0) {
                seen.put(account.id(), difference);
                if (Long.valueOf(difference).equals(seenBefore.get(account.id()))) {
                    confirmed.put(account.id(), difference);
                    log.error("Account {} holds {} fen but its transactions sum to {} fen ({} fen apart, in two audits"
                            + " in a row); correct it with a booking and find the posting that was not applied", account.id(),
                            balance, sum, difference);
                }
            }
        }
        seenBefore.clear();
        seenBefore.putAll(seen);
        outOfBalance.set(confirmed.size());
        return confirmed;
    }
}
