package org.federation.finance.ledger.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.ledger.domain.ClosedPeriods;
import org.federation.finance.ledger.domain.Journal;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.ReversalFollowUp;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Books transactions in the ledger: checks that every account exists and is open and that the
 * booking date is neither in the future nor in a period a published statement has closed, then
 * posts through the {@link Journal}.
 */
@Service
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    /** The earliest booking date accepted: the ledger does not rewrite old history. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Journal journal;
    private final Accounts accounts;
    private final ClosedPeriods closedPeriods;
    private final BookingCalendar calendar;
    /** Looked up when used: the features that follow up reversals book through this ledger themselves. */
    private final org.springframework.beans.factory.ObjectProvider<ReversalFollowUp> followUps;

    /** Public so that a test can run two "instances" of the ledger over one store. */
    public Ledger(Journal journal, Accounts accounts, ClosedPeriods closedPeriods, BookingCalendar calendar,
           org.springframework.beans.factory.ObjectProvider<ReversalFollowUp> followUps) {
        this.journal = journal;
        this.accounts = accounts;
        this.closedPeriods = closedPeriods;
        this.calendar = calendar;
        this.followUps = followUps;
    }

    /** Checks, then posts. Posting a transaction id that exists returns the stored one unchanged. */
    public Journal.Posted post(Transaction transaction) {
        Optional<Transaction> existing = journal.find(transaction.id());
        if (existing.isPresent()) {
            return journal.post(existing.get());
        }
        check(transaction);
        return journal.post(transaction);
    }

    /**
     * Checks what {@link #post} checks, without posting: used by commands that first commit their
     * own record (a claim, a fee batch) and post right after.
     */
    public void check(Transaction transaction) {
        checkBookingDate(transaction.bookedOn(), "bookedOn");
        for (String accountId : transaction.accounts()) {
            Account account = accounts.find(accountId).orElseThrow(() ->
                    new RuleViolationException("accountId", "account " + accountId + " does not exist"));
            if (!account.isOpen()) {
                throw new IllegalTransitionException("booking on account " + accountId, account.state(), List.of());
            }
            closedPeriods.statementCovering(accountId, transaction.bookedOn()).ifPresent(statement -> {
                throw new StateConflictException("account " + accountId + " is closed for " + transaction.bookedOn()
                        + " by the published statement " + statement + "; book it on a later date");
            });
        }
    }

    /**
     * Posts what an earlier {@link #check} allowed: a committed claim or batch is always booked, in an
     * open period ({@link #inOpenPeriod}).
     */
    public Journal.Posted postChecked(Transaction transaction) {
        return journal.post(inOpenPeriod(transaction));
    }

    /** As {@link #postChecked(Transaction)}, with the facts of the record it books (see {@link Journal#post(Transaction, List)}). */
    public Journal.Posted postChecked(Transaction transaction, org.federation.platform.domain.DomainEvent fact) {
        return journal.post(inOpenPeriod(transaction), List.of(fact));
    }

    /**
     * The transaction, or, if a statement covering its date on one of its accounts was published since it
     * was checked (between a command's check and its posting, or while the sweep waited to book a record
     * an interrupted request left), the same booked today, its description saying so. A published
     * statement never changes, and money booked inside its period would show in no statement at all (and
     * break the statements' chain). Posted already, the stored transaction is what counts either way.
     */
    private Transaction inOpenPeriod(Transaction transaction) {
        for (String accountId : transaction.accounts()) {
            Optional<String> statement = closedPeriods.statementCovering(accountId, transaction.bookedOn());
            if (statement.isPresent()) {
                LocalDate today = calendar.today();
                log.warn("Transaction {} is dated {}, a period statement {} of account {} closed after it was checked; "
                        + "booked on {} instead", transaction.id(), transaction.bookedOn(), statement.get(), accountId, today);
                return transaction.bookedOn(today, "(dated " + transaction.bookedOn() + "; booked on " + today
                        + " because statement " + statement.get() + " had closed that period)");
            }
        }
        return transaction;
    }

    public void checkBookingDate(LocalDate date, String field) {
        if (date == null) {
            throw new RuleViolationException(field, "must be given");
        }
        if (date.isAfter(calendar.today())) {
            throw new RuleViolationException(field, date + " is in the future; book money when it has moved");
        }
        if (date.isBefore(EARLIEST)) {
            throw new RuleViolationException(field, date + " is before " + EARLIEST);
        }
    }

    public Transaction get(String id) {
        return journal.find(id).orElseThrow(() -> new ResourceNotFoundException("transaction", id));
    }

    /**
     * Reverses a transaction with one that points at it, booked today. A transaction is reversed
     * at most once (the reversal's id is derived from it); asking again returns the reversal.
     * Only kinds corrected in the ledger itself ({@link Transaction#REVERSIBLE}) are reversed here;
     * the others are corrected where their source lives ({@link #reverseAtSource}).
     */
    public Journal.Posted reverse(String id, String reason, String actor) {
        Transaction original = get(id);
        Optional<Transaction> earlier = journal.find(Transaction.reversalId(id));
        if (earlier.isPresent()) {
            Journal.Posted again = journal.post(earlier.get());
            followUps.orderedStream().forEach(f -> f.reversed(original)); // finishes what an interrupted first request left
            return again;
        }
        if (original.reverses() == null && !Transaction.REVERSIBLE.contains(original.kind())) {
            throw new StateConflictException("a " + original.kind() + " transaction is corrected where its source lives"
                    + " (" + (original.source() == null ? "its source" : original.source().kind()) + "), not reversed here;"
                    + " reversible kinds: " + Transaction.REVERSIBLE.stream().sorted().toList());
        }
        Journal.Posted reversal = reversal(original, reason, actor);
        followUps.orderedStream().forEach(f -> f.reversed(original));
        return reversal;
    }

    /**
     * Reverses a transaction of any kind for the feature that owns its source (a withdrawn expense
     * claim, a corrected sponsorship receipt), which records the correction itself first. At most
     * once; asking again returns the reversal.
     */
    public Journal.Posted reverseAtSource(String id, String reason, String actor) {
        Transaction original = get(id);
        Optional<Transaction> earlier = journal.find(Transaction.reversalId(id));
        // the source recorded its correction after checkReversal allowed it: it is booked whatever changed
        // since (an account closed meanwhile has the amount moved on by the sweep, as any late booking), so
        // neither the request nor the sweep that finishes it can be refused halfway
        return earlier.isPresent() ? journal.post(earlier.get()) : reversal(original, reason, actor, false);
    }

    /**
     * Checks that {@code original} could be reversed today ({@link #check} on its reversal: every
     * account it touched is still open). A feature that corrects at the source calls it before it
     * records the correction, so a correction the ledger would refuse changes nothing.
     */
    public void checkReversal(Transaction original, String reason, String actor) {
        check(original.reversal(reason, actor, calendar.today(), calendar.now()));
    }

    private Journal.Posted reversal(Transaction original, String reason, String actor) {
        return reversal(original, reason, actor, true);
    }

    private Journal.Posted reversal(Transaction original, String reason, String actor, boolean checked) {
        // a reversal of a reversal is refused here (book the right transaction instead)
        Transaction reversal = original.reversal(reason, actor, calendar.today(), calendar.now());
        if (!original.isDone()) {
            journal.finish(original);
        }
        return checked ? post(reversal) : journal.post(reversal);
    }

    /**
     * Moves an account's whole balance to another account with one transaction whose id is
     * {@code transactionId}, after finishing whatever is still pending on it. Returns the amount
     * moved (negative if the account was overdrawn); a repeat returns what the first move moved.
     */
    public long moveBalance(String from, String to, String transactionId, String kind, String category,
                            String description, String actor, Transaction.Source source) {
        Optional<Transaction> earlier = journal.find(transactionId);
        if (earlier.isPresent()) {
            journal.post(earlier.get());
            return -earlier.get().deltaFor(from);
        }
        journal.pendingFor(from).forEach(journal::finish);
        long balance = accounts.find(from).map(Account::balanceFen).orElse(0L);
        if (balance == 0) {
            return 0;
        }
        long amount = Math.abs(balance);
        List<Line> lines = balance > 0
                ? List.of(Line.credit(from, amount, null), Line.debit(to, amount, null))
                : List.of(Line.debit(from, amount, null), Line.credit(to, amount, null));
        Transaction move = Transaction.create(transactionId, kind, category, description, actor, source,
                calendar.today(), calendar.now(), lines, null);
        Journal.Posted posted = journal.post(move);
        log.info("Moved {} fen from {} to {} ({})", balance, from, to, transactionId);
        return -posted.transaction().deltaFor(from);
    }

    /**
     * The ledger's part of the sweep: finishes transactions a crash left pending, tidies accounts,
     * and moves on anything booked on a closed account after it closed (to where its balance went).
     */
    public void recover(java.time.Instant pendingBefore) {
        for (Transaction pending : journal.pendingSince(pendingBefore)) {
            log.warn("Finishing transaction {} left pending since {}", pending.id(), pending.postedAt());
            journal.finish(pending);
        }
        journal.accountsToTidy().forEach(journal::tidy);
        for (Account closed : accounts.closedWithBalance()) {
            // the id counts the account's transactions, so two sweeps moving the same residue write one transaction
            if (closed.movedTo() != null && journal.pendingFor(closed.id()).isEmpty()) {
                Account fresh = accounts.find(closed.id()).orElse(closed);
                moveBalance(fresh.id(), fresh.movedTo(), "residual-" + fresh.id() + "-"
                                + journal.page(fresh.id(), 0, 1).totalItems(), Transaction.RESIDUAL, "transfer",
                        "Booked on " + fresh.id() + " after it closed: moved on to " + fresh.movedTo(), "system",
                        new Transaction.Source("account", fresh.id(), null));
            }
        }
    }
}
