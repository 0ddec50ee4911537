package org.federation.finance.statements.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Verifies an account's chain of statements of one kind: each statement's hash matches its
 * content, it points at the one before by id and hash, it opens with the previous closing balance,
 * its totals add up, the periods follow each other, and its entries are still what the ledger
 * says for the period.
 *
 * @param accountId  the account
 * @param kind       {@code month} or {@code semester}
 * @param statements how many statements the chain has
 * @param valid      whether every check held
 * @param lastHash   the newest statement's hash (what a reader may pin), or null if none
 * @param problems   each failed check, naming the statement
 */
public record StatementChain(String accountId, String kind, int statements, boolean valid, String lastHash,
                             List<String> problems) {

    /**
     * @param chain  the statements oldest first
     * @param ledger the entries the ledger has now for a statement's account and period
     */
    public static StatementChain verify(String accountId, String kind, List<Statement> chain,
                                        Function<Statement, List<Statement.Entry>> ledger) {
        List<String> problems = new ArrayList<>();
        Statement previous = null;
        for (Statement s : chain) {
            if (!s.computeHash().equals(s.hash())) {
                problems.add(s.id() + ": its content does not match its hash (it was changed after publication)");
            }
            if (previous == null) {
                if (s.previousHash() != null || s.previousStatementId() != null) {
                    problems.add(s.id() + ": the first statement of the chain points at " + s.previousStatementId()
                            + ", which is not there");
                }
            } else {
                if (!previous.id().equals(s.previousStatementId()) || !previous.hash().equals(s.previousHash())) {
                    problems.add(s.id() + ": does not point at the hash of " + previous.id() + " (the chain is broken)");
                }
                if (!previous.to().equals(s.from())) {
                    problems.add(s.id() + ": starts on " + s.from() + " but " + previous.id() + " ended before " + previous.to());
                }
                if (previous.closingFen() != s.openingFen()) {
                    problems.add(s.id() + ": opens with " + s.openingFen() + " fen but " + previous.id() + " closed with "
                            + previous.closingFen() + " fen");
                }
            }
            long in = s.entries().stream().mapToLong(Statement.Entry::inFen).sum();
            long out = s.entries().stream().mapToLong(Statement.Entry::outFen).sum();
            if (in != s.incomeFen() || out != s.spendingFen() || s.openingFen() + in - out != s.closingFen()) {
                problems.add(s.id() + ": its totals do not add up (opening + income - spending must equal closing)");
            }
            if (!ledger.apply(s).equals(s.entries())) {
                problems.add(s.id() + ": its entries differ from what the ledger holds for " + s.period());
            }
            previous = s;
        }
        return new StatementChain(accountId, kind, chain.size(), problems.isEmpty(),
                previous == null ? null : previous.hash(), List.copyOf(problems));
    }
}
