package org.federation.finance.fees.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.federation.finance.contracts.FeePaymentRecorded;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.accounts.domain.AccountKinds;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.junit.jupiter.api.Test;

/** A fee year's rules, its ledger bookings and the events it returns, in plain Java: no application context, no store. */
class FeeYearTest {

    private static final Instant NOW = Instant.parse("2026-10-01T08:00:00Z");
    private static final String TREASURER = "person:2020000001";
    private static final LocalDate DUE = LocalDate.of(2026, 10, 31);
    private static final LocalDate OCT_2 = LocalDate.of(2026, 10, 2);
    private static final LocalDate OCT_3 = LocalDate.of(2026, 10, 3);

    private static FeeYear rule(long amountFen) {
        return FeeYear.rule("c-1", "2026-2027", amountFen, DUE, TREASURER, NOW);
    }

    private static FeeYear withPayments(FeeYear year, Map<String, FeeYear.Payment> paid) {
        return new FeeYear(year.id(), year.clubId(), year.year(), year.amountFen(), year.dueOn(), year.setBy(),
                year.setAt(), paid, List.of(new FeeYear.Batch("b-1", paid.size(), 0, TREASURER, NOW, false)));
    }

    private static FeeYear.Payment payment(String batchId, LocalDate paidOn) {
        return new FeeYear.Payment(batchId, paidOn, 3_000, FeeYear.transactionIdOf(batchId, paidOn), TREASURER);
    }

    @Test
    void aRuleIsOneClubsFeeForOneAcademicYear() {
        FeeYear year = rule(3_000);
        assertThat(year.id()).isEqualTo("c-1:2026-2027").isEqualTo(FeeYear.idOf("c-1", "2026-2027"));
        assertThat(year.amountFen()).isEqualTo(3_000);
        assertThat(year.dueOn()).isEqualTo(DUE);
        assertThat(year.paid()).isEmpty();
        assertThat(year.batches()).isEmpty();
    }

    @Test
    void anAcademicYearIsTwoConsecutiveYears() {
        assertThat(FeeYear.checkYear("2026-2027")).isEqualTo("2026-2027");
        for (String wrong : new String[]{"2026-2028", "2027-2026", "2026", "2026/2027", "26-27", " 2026-2027", ""}) {
            assertThatThrownBy(() -> FeeYear.checkYear(wrong)).as(wrong).isInstanceOf(RuleViolationException.class);
        }
        assertThatThrownBy(() -> FeeYear.checkYear(null)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> FeeYear.rule("c-1", "2026-2028", 3_000, DUE, TREASURER, NOW))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aFeeIsFromOneFenToOneHundredThousandYuan() {
        assertThat(rule(1).amountFen()).isEqualTo(1);
        assertThat(rule(100_000_00L).amountFen()).isEqualTo(100_000_00L);
        assertThatThrownBy(() -> rule(0)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> rule(-5)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> rule(100_000_01L)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void theRuleMayChangeFreelyUntilSomeonePaidAndAfterThatOnlyInItsDueDate() {
        FeeYear changed = rule(3_000).changedTo(FeeYear.rule("c-1", "2026-2027", 5_000, DUE.plusDays(7), "person:2", NOW));
        assertThat(changed.amountFen()).isEqualTo(5_000);
        assertThat(changed.dueOn()).isEqualTo(DUE.plusDays(7));
        assertThat(changed.setBy()).isEqualTo("person:2");

        FeeYear paid = withPayments(rule(3_000), Map.of("2024000007", payment("b-1", OCT_2)));
        assertThatThrownBy(() -> paid.changedTo(rule(5_000))).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("1 members have paid it");
        FeeYear laterDue = paid.changedTo(FeeYear.rule("c-1", "2026-2027", 3_000, DUE.plusDays(7), TREASURER, NOW));
        assertThat(laterDue.dueOn()).isEqualTo(DUE.plusDays(7));
        assertThat(laterDue.paid()).isEqualTo(paid.paid());
    }

    @Test
    void eachMemberPaysOnceAndABatchsPaymentsCanBeFoundAgain() {
        FeeYear year = withPayments(rule(3_000), Map.of(
                "2024000007", payment("b-1", OCT_2),
                "2024000008", payment("b-2", OCT_2)));
        assertThat(year.hasPaid("2024000007")).isTrue();
        assertThat(year.hasPaid("2024000009")).isFalse();
        assertThat(year.paymentsOf("b-1")).containsOnlyKeys("2024000007");
        assertThat(year.paymentsOf("b-9")).isEmpty();
        assertThat(FeeYear.STUDENT_NUMBER.matcher("2024_A-7").matches()).isTrue();
        assertThat(FeeYear.STUDENT_NUMBER.matcher("2024 7").matches()).isFalse();
    }

    @Test
    void aBatchIsBookedAsOneBalancedTransactionPerPaymentDateIntoTheClubsAccount() {
        Map<String, FeeYear.Payment> batch = Map.of(
                "2024000008", payment("b-1", OCT_3),
                "2024000007", payment("b-1", OCT_2),
                "2024000009", payment("b-1", OCT_2));
        List<Transaction> bookings = rule(3_000).bookingsOf("b-1", "Chess Club", batch, TREASURER, NOW);

        assertThat(bookings).extracting(Transaction::id)
                .containsExactly("fees-b-1-2026-10-02", "fees-b-1-2026-10-03");
        Transaction first = bookings.get(0);
        assertThat(first.kind()).isEqualTo(Transaction.FEE_PAYMENT);
        assertThat(first.bookedOn()).isEqualTo(OCT_2);
        assertThat(first.description()).isEqualTo("Membership fees 2026-2027 of Chess Club: 2 members");
        assertThat(first.lines()).containsExactly(
                Line.debit("acct-c-1", 3_000, "2024000007"),
                Line.debit("acct-c-1", 3_000, "2024000009"),
                Line.credit(AccountKinds.FEE_INCOME, 6_000, "c-1 2026-2027"));
        assertThat(bookings.get(1).description()).endsWith(": 1 member");
        assertThat(bookings.get(1).totalFen()).isEqualTo(3_000);
    }

    @Test
    void eachBookingIsAnnouncedAsTheFeePaymentsItBooksByWhoeverRecordedThem() {
        Transaction booking = rule(3_000).bookingsOf("b-1", "Chess Club", Map.of(
                "2024000007", payment("b-1", OCT_2), "2024000009", payment("b-1", OCT_2)), TREASURER, NOW).get(0);
        DomainEvent event = rule(3_000).paymentsRecorded(booking);
        assertThat(event.type()).isEqualTo(FinanceEventTypes.FEE_PAYMENT_RECORDED);
        assertThat(event.actor()).isEqualTo(TREASURER);
        assertThat(event.payload()).isEqualTo(new FeePaymentRecorded("c-1", "2026-2027", "b-1", "fees-b-1-2026-10-02",
                OCT_2, List.of(new FeePaymentRecorded.Payment("2024000007", 3_000),
                        new FeePaymentRecorded.Payment("2024000009", 3_000)), 6_000));
    }
}
