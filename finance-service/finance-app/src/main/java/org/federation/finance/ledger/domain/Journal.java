package org.federation.finance.ledger.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.federation.platform.domain.DomainEvent;
import org.federation.platform.paging.PageOf;

/**
 * The ledger's journal: transactions, written once, and the balances they move.
 *
 * <p>A posting is first the insert of the transaction's document (one atomic single-document
 * write, the point of no return: the transaction exists with all its lines or not at all), then
 * the idempotent application of each line to its account's balance, then {@code posting: done}.
 * Whoever finds a pending transaction (the poster, the sweep after a crash, a balance move)
 * finishes it; an account remembers the transactions it has applied, checked and recorded in the
 * same single-document write as the balance change, so each transaction moves each balance exactly
 * once however many finishers run at once.
 */
public interface Journal {

    /** The outcome of a posting: the stored transaction, and whether this call wrote it. */
    record Posted(Transaction transaction, boolean created) {
    }

    /**
     * Writes the transaction (unless one with its id exists) and applies it to the balances.
     * Posting the same id again changes nothing and returns the stored one.
     */
    Posted post(Transaction transaction);

    /**
     * As {@link #post(Transaction)}; the first write of the transaction also stores, after its own
     * {@link Transaction#recorded() event}, the {@code facts} of the record it books (a fee payment, a
     * sponsorship receipt), so they are published exactly when the booking exists, and once.
     */
    Posted post(Transaction transaction, List<DomainEvent> facts);

    Optional<Transaction> find(String id);

    /** Finishes a pending transaction: applies what is not applied yet, marks it done. Idempotent. */
    void finish(Transaction transaction);

    /** Transactions still pending that were written before {@code before}. */
    List<Transaction> pendingSince(Instant before);

    /** Pending transactions touching this account. */
    List<Transaction> pendingFor(String accountId);

    /** Done transactions touching this account booked on {@code from} (inclusive) to {@code to} (exclusive), in booking order. */
    List<Transaction> of(String accountId, LocalDate from, LocalDate to);

    /** The sum of this account's balance changes booked before {@code date}. */
    long balanceBefore(String accountId, LocalDate date);

    /** A page of this account's transactions, newest first. */
    PageOf<Transaction> page(String accountId, int page, int size);

    /** Accounts holding so many applied-transaction markers that the sweep should {@link #tidy} them. */
    List<String> accountsToTidy();

    /**
     * Forgets an account's markers of transactions done long ago (kept so far so that no late
     * finisher can apply them again), in a way that still refuses such a finisher.
     */
    void tidy(String accountId);
}
