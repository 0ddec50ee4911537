package org.federation.finance.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.finance.statements.domain.Period;
import org.federation.finance.statements.domain.Statement;
import org.federation.finance.statements.domain.StatementChain;
import org.federation.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;

/** Statement generation, periods and the hash chain, without storage. */
class StatementTest {

    static final String ACCOUNT = "acct-c1";
    static final Instant NOW = Instant.parse("2026-11-02T02:00:00.123456Z");

    static Transaction booked(String id, LocalDate on, long intoAccount) {
        List<Line> lines = intoAccount > 0
                ? List.of(Line.debit(ACCOUNT, intoAccount, null), Line.credit("federation-income-fees", intoAccount, null))
                : List.of(Line.credit(ACCOUNT, -intoAccount, null), Line.debit("federation-expense-activities", -intoAccount, null));
        return Transaction.create(id, Transaction.MANUAL, intoAccount > 0 ? "membership-fees" : "venue", "entry " + id,
                "a", null, on, NOW, lines, null);
    }

    static Statement october(long opening) {
        return Statement.generate(ACCOUNT, "c1", "Club one", Period.parse("2026-10"), null, opening,
                List.of(booked("t1", LocalDate.of(2026, 10, 3), 5000), booked("t2", LocalDate.of(2026, 10, 9), -1200),
                        booked("t3", LocalDate.of(2026, 10, 31), 300)), "2099000004", NOW);
    }

    @Test
    void aStatementOpensListsEveryEntryWithItsRunningBalanceAndCloses() {
        Statement s = october(1000);
        assertThat(s.id()).isEqualTo("stmt-acct-c1-2026-10");
        assertThat(s.from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(s.to()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(s.entries()).extracting(Statement.Entry::balanceFen).containsExactly(6000L, 4800L, 5100L);
        assertThat(s.incomeFen()).isEqualTo(5300);
        assertThat(s.spendingFen()).isEqualTo(1200);
        assertThat(s.closingFen()).isEqualTo(5100).isEqualTo(s.openingFen() + s.incomeFen() - s.spendingFen());
        assertThat(s.previousHash()).isNull();
        assertThat(s.hash()).hasSize(64).isEqualTo(s.computeHash());
        assertThat(s.publishedAt()).as("stored to the millisecond, so the hash survives storage").isEqualTo(
                Instant.parse("2026-11-02T02:00:00.123Z"));
        assertThat(s.byCategory()).containsOnlyKeys("membership-fees", "venue");
    }

    @Test
    void theNextStatementOpensWithThePreviousClosingAndCarriesItsHash() {
        Statement october = october(1000);
        Statement november = Statement.generate(ACCOUNT, "c1", "Club one", Period.parse("2026-11"), october, 999_999,
                List.of(booked("t4", LocalDate.of(2026, 11, 5), -100)), "2099000004", NOW);
        assertThat(november.openingFen()).isEqualTo(october.closingFen());
        assertThat(november.previousHash()).isEqualTo(october.hash());
        assertThat(november.previousStatementId()).isEqualTo(october.id());

        StatementChain chain = StatementChain.verify(ACCOUNT, "month", List.of(october, november), s -> s.entries());
        assertThat(chain.valid()).as(chain.problems().toString()).isTrue();
        assertThat(chain.lastHash()).isEqualTo(november.hash());
    }

    @Test
    void tamperingWithAStatementOrTheLedgerUnderItIsDetected() {
        Statement october = october(1000);
        Statement november = Statement.generate(ACCOUNT, "c1", "Club one", Period.parse("2026-11"), october, 0,
                List.of(booked("t4", LocalDate.of(2026, 11, 5), -100)), "2099000004", NOW);

        List<Statement.Entry> altered = new ArrayList<>(october.entries());
        Statement.Entry e = altered.get(1);
        altered.set(1, new Statement.Entry(e.transactionId(), e.bookedOn(), e.kind(), e.category(), e.description(),
                e.inFen(), 120, e.balanceFen(), e.reverses()));
        Statement edited = new Statement(october.id(), october.accountId(), october.clubId(), october.accountName(),
                october.period(), october.periodKind(), october.from(), october.to(), october.openingFen(), altered,
                october.incomeFen(), october.spendingFen(), october.closingFen(), null, null, october.hash(),
                october.publishedAt(), october.publishedBy());
        StatementChain chain = StatementChain.verify(ACCOUNT, "month", List.of(edited, november), s -> s == edited
                ? october.entries() : s.entries());
        assertThat(chain.valid()).isFalse();
        assertThat(chain.problems()).anyMatch(p -> p.contains("does not match its hash"))
                .anyMatch(p -> p.contains("totals do not add up")).anyMatch(p -> p.contains("differ from what the ledger"));

        StatementChain ledgerChanged = StatementChain.verify(ACCOUNT, "month", List.of(october, november),
                s -> s == november ? List.of() : s.entries());
        assertThat(ledgerChanged.problems()).singleElement().asString().contains("stmt-acct-c1-2026-11")
                .contains("differ from what the ledger");

        StatementChain gap = StatementChain.verify(ACCOUNT, "month", List.of(november), s -> s.entries());
        assertThat(gap.problems()).anyMatch(p -> p.contains("points at stmt-acct-c1-2026-10, which is not there"));
    }

    @Test
    void periodsAreMonthsAndSemestersThatFollowEachOther() {
        assertThat(Period.parse("2026-autumn").from()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(Period.parse("2026-autumn").to()).isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(Period.parse("2026-autumn").next().name()).isEqualTo("2027-spring");
        assertThat(Period.parse("2027-spring").next().name()).isEqualTo("2027-autumn");
        assertThat(Period.parse("2027-spring").previous().name()).isEqualTo("2026-autumn");
        assertThat(Period.parse("2026-12").next().name()).isEqualTo("2027-01");
        assertThat(Period.semesterOf(LocalDate.of(2027, 1, 31)).name()).isEqualTo("2026-autumn");
        assertThat(Period.containing(LocalDate.of(2026, 3, 15))).extracting(Period::name)
                .containsExactly("2026-03", "2026-spring");
        for (String bad : List.of("2026-13", "2026-00", "2026-summer", "26-10", "2026-1", "", "x")) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad).isInstanceOf(RuleViolationException.class);
        }
    }
}
