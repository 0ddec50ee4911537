package org.federation.finance.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.junit.jupiter.api.Test;

/** Balancing and reversal, without any storage. */
class TransactionTest {

    static final LocalDate DAY = LocalDate.of(2026, 10, 8);
    static final Instant NOW = Instant.parse("2026-10-08T08:00:00Z");

    static Transaction of(List<Line> lines) {
        return Transaction.create("t-1", Transaction.MANUAL, "transfer", "a transfer", "2099000004",
                new Transaction.Source("manual", null, null), DAY, NOW, lines, null);
    }

    @Test
    void aBalancedTransactionMovesEachAccountOnItsNormalSide() {
        Transaction fee = of(List.of(Line.debit("acct-c1", 3000, "2023010002"), Line.debit("acct-c1", 2000, "2023010003"),
                Line.credit("federation-income-fees", 5000, null)));
        assertThat(fee.totalFen()).isEqualTo(5000);
        assertThat(fee.balanceDeltas()).containsExactly(java.util.Map.entry("acct-c1", 5000L),
                java.util.Map.entry("federation-income-fees", 5000L));
        assertThat(fee.posting()).isEqualTo(Transaction.PENDING);

        Transaction claim = of(List.of(Line.debit("federation-expense-activities", 700, null), Line.credit("acct-c1", 700, null)));
        assertThat(claim.deltaFor("acct-c1")).isEqualTo(-700);
        assertThat(claim.deltaFor("federation-expense-activities")).isEqualTo(700);
        assertThat(claim.deltaFor("acct-other")).isZero();
    }

    @Test
    void unbalancedOddOrEmptyTransactionsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> of(List.of(Line.debit("a", 100, null), Line.credit("b", 99, null))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("debits (100 fen) must equal credits (99 fen)");
        assertThatThrownBy(() -> of(List.of(Line.debit("a", 100, null))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("at least two lines");
        assertThatThrownBy(() -> of(List.of(Line.debit("a", 0, null), Line.credit("b", 0, null))))
                .isInstanceOf(RuleViolationException.class).extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("lines[0].amountFen");
        assertThatThrownBy(() -> of(List.of(Line.debit("a", -5, null), Line.credit("b", -5, null))))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> of(List.of(Line.debit("a", 5, null), Line.credit("a", 5, null))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("both debited and credited");
        assertThatThrownBy(() -> of(List.of(new Line("a", "sideways", 5, null), Line.credit("b", 5, null))))
                .isInstanceOf(RuleViolationException.class).extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("lines[0].side");
        assertThatThrownBy(() -> of(List.of(Line.debit("a", Transaction.MAX_AMOUNT_FEN + 1, null),
                Line.credit("b", Transaction.MAX_AMOUNT_FEN + 1, null)))).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> Transaction.create("t", Transaction.MANUAL, "Not A Category", "x", "a", null, DAY, NOW,
                List.of(Line.debit("a", 1, null), Line.credit("b", 1, null)), null))
                .isInstanceOf(RuleViolationException.class).extracting(e -> ((RuleViolationException) e).field())
                .isEqualTo("category");
    }

    @Test
    void aReversalSwapsEveryLinePointsAtTheOriginalAndUndoesItsBalances() {
        Transaction original = of(List.of(Line.debit("acct-c1", 5000, "m"), Line.credit("federation-income-fees", 5000, null)));
        Transaction reversal = original.reversal("entered twice", "2099000004", DAY.plusDays(1), NOW);
        assertThat(reversal.id()).isEqualTo("rev-t-1");
        assertThat(reversal.reverses()).isEqualTo("t-1");
        assertThat(reversal.kind()).isEqualTo(Transaction.REVERSAL);
        assertThat(reversal.lines()).extracting(Line::side).containsExactly("credit", "debit");
        for (String account : original.accounts()) {
            assertThat(original.deltaFor(account) + reversal.deltaFor(account)).isZero();
        }
        assertThatThrownBy(() -> reversal.reversal("again", "x", DAY, NOW)).isInstanceOf(StateConflictException.class);
    }
}
