package org.federation.finance.statements.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.contracts.StatementPublished;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;

/**
 * A published statement of one account for one period: the opening balance, every ledger entry
 * booked in the period with the running balance, and the closing balance. Generated from the
 * ledger and never changed after. It carries the SHA-256 hash of its content, and that content
 * includes the previous statement's hash, so the statements of an account form a chain: changing
 * any published statement (or the ledger under it) is detected by {@link StatementChain#verify}.
 *
 * @param id                  {@code stmt-<accountId>-<period>}
 * @param previousStatementId the statement before it in this account's chain of this kind, or null
 * @param previousHash        that statement's hash, or null for the first statement of a chain
 * @param hash                SHA-256 (hex) of {@link #canonicalContent()}
 */
public record Statement(String id, String accountId, String clubId, String accountName, String period,
                        String periodKind, LocalDate from, LocalDate to, long openingFen, List<Entry> entries,
                        long incomeFen, long spendingFen, long closingFen, String previousStatementId,
                        String previousHash, String hash, Instant publishedAt, String publishedBy) {

    /**
     * One ledger entry as the statement shows it: what moved the account's balance up ({@code in})
     * or down ({@code out}), and the balance after it.
     */
    public record Entry(String transactionId, LocalDate bookedOn, String kind, String category, String description,
                        long inFen, long outFen, long balanceFen, String reverses) {
    }

    /**
     * Generates the statement of {@code period} from the ledger's entries of the account, opening
     * with the previous statement's closing balance (or {@code openingFen} for a chain's first).
     */
    public static Statement generate(String accountId, String clubId, String accountName, Period period,
                                     Statement previous, long openingFen, List<Transaction> transactions,
                                     String publishedBy, Instant now) {
        long opening = previous == null ? openingFen : previous.closingFen();
        List<Entry> entries = entriesOf(accountId, transactions, opening);
        long income = entries.stream().mapToLong(Entry::inFen).sum();
        long spending = entries.stream().mapToLong(Entry::outFen).sum();
        Statement draft = new Statement(period.statementId(accountId), accountId, clubId, accountName, period.name(),
                period.kind(), period.from(), period.to(), opening, entries, income, spending, opening + income - spending,
                previous == null ? null : previous.id(), previous == null ? null : previous.hash(), null,
                now.truncatedTo(ChronoUnit.MILLIS), publishedBy);
        return draft.withHash(draft.computeHash());
    }

    /** The statement's entries as the ledger has them now, from an opening balance. */
    public static List<Entry> entriesOf(String accountId, List<Transaction> transactions, long opening) {
        List<Entry> entries = new ArrayList<>();
        long balance = opening;
        for (Transaction t : transactions) {
            long delta = t.deltaFor(accountId);
            balance += delta;
            entries.add(new Entry(t.id(), t.bookedOn(), t.kind(), t.category(), t.description(), Math.max(delta, 0),
                    Math.max(-delta, 0), balance, t.reverses()));
        }
        return entries;
    }

    private Statement withHash(String newHash) {
        return new Statement(id, accountId, clubId, accountName, period, periodKind, from, to, openingFen, entries,
                incomeFen, spendingFen, closingFen, previousStatementId, previousHash, newHash, publishedAt, publishedBy);
    }

    /**
     * Everything the hash covers, one field per line in a fixed order (every field but the hash
     * itself). Text, so anyone can recompute the hash from a downloaded statement.
     */
    public String canonicalContent() {
        StringBuilder text = new StringBuilder();
        field(text, "id", id);
        field(text, "accountId", accountId);
        field(text, "clubId", clubId);
        field(text, "accountName", accountName);
        field(text, "period", period);
        field(text, "periodKind", periodKind);
        field(text, "from", from);
        field(text, "to", to);
        field(text, "openingFen", openingFen);
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            field(text, "entry." + i, String.join("|", e.transactionId(), String.valueOf(e.bookedOn()), e.kind(),
                    e.category(), escape(e.description()), Long.toString(e.inFen()), Long.toString(e.outFen()),
                    Long.toString(e.balanceFen()), String.valueOf(e.reverses())));
        }
        field(text, "incomeFen", incomeFen);
        field(text, "spendingFen", spendingFen);
        field(text, "closingFen", closingFen);
        field(text, "previousStatementId", previousStatementId);
        field(text, "previousHash", previousHash);
        field(text, "publishedAt", publishedAt);
        field(text, "publishedBy", publishedBy);
        return text.toString();
    }

    public String computeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalContent().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Income and spending of the period per category, for the chart. */
    public Map<String, long[]> byCategory() {
        Map<String, long[]> totals = new TreeMap<>();
        for (Entry e : entries) {
            long[] t = totals.computeIfAbsent(e.category(), c -> new long[2]);
            t[0] += e.inFen();
            t[1] += e.outFen();
        }
        return totals;
    }

    /** The statement as it is published: stored once with its event, the publisher's doing. */
    public Decision<Statement> publication() {
        return Decision.of(this, new DomainEvent(FinanceEventTypes.STATEMENT_PUBLISHED, publishedBy, published()));
    }

    public StatementPublished published() {
        return new StatementPublished(id, accountId, clubId, accountName, period, periodKind, from, to, openingFen,
                incomeFen, spendingFen, closingFen, entries.size(), hash, previousHash, publishedAt);
    }

    private static void field(StringBuilder text, String name, Object value) {
        text.append(name).append('=').append(value == null ? "" : escape(String.valueOf(value))).append('\n');
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\n", "\\n").replace("|", "\\|");
    }
}
