package org.federation.finance.ledger.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.contracts.LedgerTransaction;
import org.federation.finance.contracts.TransactionPosted;
import org.federation.finance.contracts.TransactionReversed;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.RuleViolationException;

/**
 * A double-entry transaction in the append-only ledger: balanced debit and credit lines in fen,
 * why (description and category), who (actor), and where it comes from (source). Its id is
 * derived from its source (a fee batch, an expense claim, a settlement), so one source can never
 * be booked twice. Once written its content never changes; a mistake is corrected by a
 * {@link #reversal reversing transaction} that points at it.
 *
 * @param id          unique, derived from the source
 * @param kind        what made it: {@code manual}, {@code fee-payment}, {@code expense-claim},
 *                    {@code sponsorship-receipt}, {@code settlement}, {@code merger}, {@code residual},
 *                    {@code reversal}
 * @param category    for statements and charts, e.g. {@code membership-fees}, {@code sponsorship},
 *                    {@code venue}, {@code transfer}
 * @param description why, in words
 * @param actor       who caused it: a token subject, or {@code system}
 * @param source      the record it books
 * @param bookedOn    the date the money moved (statements are by this date)
 * @param postedAt    when it was written
 * @param lines       at least two, debits equal to credits
 * @param reverses    the transaction this one reverses, or null
 * @param posting     {@code pending} until every line is applied to its account's balance, then
 *                    {@code done}; the only field that ever changes, and it is bookkeeping, not content
 */
public record Transaction(String id, String kind, String category, String description, String actor, Source source,
                          LocalDate bookedOn, Instant postedAt, List<Line> lines, String reverses, String posting) {

    public static final String PENDING = "pending";
    public static final String DONE = "done";

    public static final String MANUAL = "manual";
    public static final String FEE_PAYMENT = "fee-payment";
    public static final String EXPENSE_CLAIM = "expense-claim";
    public static final String SPONSORSHIP_RECEIPT = "sponsorship-receipt";
    public static final String SETTLEMENT = "settlement";
    public static final String MERGER = "merger";
    public static final String RESIDUAL = "residual";
    public static final String REVERSAL = "reversal";

    /** Every kind, in the order above. */
    public static final List<String> KINDS = List.of(MANUAL, FEE_PAYMENT, EXPENSE_CLAIM, SPONSORSHIP_RECEIPT, SETTLEMENT,
            MERGER, RESIDUAL, REVERSAL);

    /** The kinds a person may reverse; the others are corrected where their source lives. */
    public static final Set<String> REVERSIBLE = Set.of(MANUAL, FEE_PAYMENT);

    /** The largest amount one line may carry: 10 million yuan. */
    public static final long MAX_AMOUNT_FEN = 1_000_000_000L;
    public static final int MAX_LINES = 2_000;
    private static final java.util.regex.Pattern CATEGORY = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /**
     * Where a transaction comes from.
     *
     * @param kind       e.g. {@code fee-batch}, {@code expense-claim}, {@code club}, {@code merger}
     * @param id         the source record's id
     * @param activityId the activity it concerns, for expenses; otherwise null
     */
    public record Source(String kind, String id, String activityId) {
    }

    /**
     * This transaction booked on {@code day} instead, its description saying why ({@code note}, appended;
     * the original description shortened if the two together would pass 500 characters).
     */
    public Transaction bookedOn(LocalDate day, String note) {
        String both = description + " " + note;
        String text = both.length() <= 500 ? both : description.substring(0, Math.max(0, 500 - note.length() - 2)) + "… " + note;
        return new Transaction(id, kind, category, text, actor, source, day, postedAt, lines, reverses, posting);
    }

    /** This transaction as written at {@code at} (a record booked late is posted when it is written). */
    public Transaction postedAt(Instant at) {
        return new Transaction(id, kind, category, description, actor, source, bookedOn, at, lines, reverses, posting);
    }

    /**
     * A new transaction, checked: at least two lines, every amount positive and whole, debits
     * equal to credits, no account on both sides.
     *
     * @throws RuleViolationException naming the field at fault
     */
    public static Transaction create(String id, String kind, String category, String description, String actor,
                                     Source source, LocalDate bookedOn, Instant now, List<Line> lines, String reverses) {
        require(id != null && !id.isBlank(), "id", "a transaction needs an id");
        require(category != null && CATEGORY.matcher(category).matches(), "category",
                "must be lower-case letters, digits and dashes, at most 40 characters");
        require(description != null && !description.isBlank() && description.length() <= 500, "description",
                "must be given, at most 500 characters");
        require(bookedOn != null, "bookedOn", "must be given");
        require(lines != null && lines.size() >= 2, "lines", "a transaction has at least two lines");
        require(lines.size() <= MAX_LINES, "lines", "at most " + MAX_LINES + " lines");
        long debits = 0;
        long credits = 0;
        Set<String> debited = new java.util.HashSet<>();
        Set<String> credited = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "lines[" + i + "]";
            require(line != null, at, "must be a line");
            require(line.accountId() != null && !line.accountId().isBlank(), at + ".accountId", "must be given");
            require(Line.DEBIT.equals(line.side()) || Line.CREDIT.equals(line.side()), at + ".side",
                    "must be debit or credit");
            require(line.amountFen() > 0 && line.amountFen() <= MAX_AMOUNT_FEN, at + ".amountFen",
                    "must be a whole number of fen from 1 to " + MAX_AMOUNT_FEN);
            require(line.memo() == null || line.memo().length() <= 200, at + ".memo", "at most 200 characters");
            if (line.isDebit()) {
                debits += line.amountFen();
                debited.add(line.accountId());
            } else {
                credits += line.amountFen();
                credited.add(line.accountId());
            }
        }
        require(debits == credits, "lines", "debits (" + debits + " fen) must equal credits (" + credits + " fen)");
        debited.retainAll(credited);
        require(debited.isEmpty(), "lines", "an account cannot be both debited and credited in one transaction: "
                + debited);
        return new Transaction(id, kind, category, description.strip(), actor, source, bookedOn, now,
                List.copyOf(lines), reverses, PENDING);
    }

    /** The id of the one transaction that may reverse {@code originalId}. */
    public static String reversalId(String originalId) {
        return "rev-" + originalId;
    }

    /**
     * The transaction that undoes this one: the same lines on the other side, pointing at this one.
     *
     * @throws RuleViolationException if this is itself a reversal (book the right transaction instead)
     */
    public Transaction reversal(String reason, String actor, LocalDate bookedOn, Instant now) {
        if (reverses != null) {
            throw new org.federation.platform.problem.StateConflictException("transaction " + id
                    + " is itself a reversal; book the correct transaction instead of reversing it");
        }
        return create(reversalId(id), REVERSAL, category, "Reversal of " + id + ": " + reason, actor,
                new Source("transaction", id, source == null ? null : source.activityId()), bookedOn, now,
                lines.stream().map(Line::swapped).toList(), id);
    }

    /**
     * The fact of this transaction for others, stored with it when it is written (its document is
     * its outbox): {@code transaction-reversed} for a reversal, else {@code transaction-posted}; by
     * its actor.
     */
    public DomainEvent recorded() {
        String by = actor == null ? DomainEvent.SYSTEM : actor;
        return reverses == null
                ? new DomainEvent(FinanceEventTypes.TRANSACTION_POSTED, by, new TransactionPosted(contract()))
                : new DomainEvent(FinanceEventTypes.TRANSACTION_REVERSED, by, new TransactionReversed(contract(), reverses));
    }

    /** This transaction as the contracts carry it. */
    public LedgerTransaction contract() {
        return new LedgerTransaction(id, kind, category, description, source == null ? null : source.kind(),
                source == null ? null : source.id(), source == null ? null : source.activityId(), bookedOn, postedAt,
                totalFen(), lines.stream().map(l -> new LedgerTransaction.LedgerLine(l.accountId(), l.side(), l.amountFen(),
                        l.memo())).toList(), reverses);
    }

    public long totalFen() {
        return lines.stream().filter(Line::isDebit).mapToLong(Line::amountFen).sum();
    }

    /** Each account's balance change, in the order the accounts first appear. */
    public Map<String, Long> balanceDeltas() {
        Map<String, Long> deltas = new LinkedHashMap<>();
        for (Line line : lines) {
            deltas.merge(line.accountId(), line.balanceDeltaFen(), Long::sum);
        }
        return deltas;
    }

    /** The accounts this transaction touches. */
    public List<String> accounts() {
        return new ArrayList<>(balanceDeltas().keySet());
    }

    /** This transaction's change to one account's balance (0 if it does not touch it). */
    public long deltaFor(String accountId) {
        return balanceDeltas().getOrDefault(accountId, 0L);
    }

    public boolean isDone() {
        return DONE.equals(posting);
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new RuleViolationException(field, message);
        }
    }
}
