package org.federation.finance.fees.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.contracts.FeePaymentRecorded;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.accounts.domain.AccountKinds;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;

/**
 * A club's membership fee for one academic year (会费): the rule (how much, due when) and who has
 * paid, in one document, so "each member pays once a year" holds by a conditional update. Payments
 * are recorded in batches (one member, or a CSV file) and booked in the ledger: the club's account
 * receives the fees, the federation's fee income records where they came from.
 *
 * @param id   {@code <clubId>:<year>}
 * @param year an academic year such as {@code 2026-2027}
 * @param paid who has paid, by student number
 */
public record FeeYear(String id, String clubId, String year, long amountFen, LocalDate dueOn, String setBy, Instant setAt,
                      Map<String, Payment> paid, List<Batch> batches) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{4})");
    public static final Pattern STUDENT_NUMBER = Pattern.compile("[0-9A-Za-z_-]{1,32}");

    /** One member's payment for the year, and the ledger transaction that booked it. */
    public record Payment(String batchId, LocalDate paidOn, long amountFen, String transactionId, String recordedBy) {
    }

    /** Payments recorded together; {@code booked} once their transactions are in the ledger. */
    public record Batch(String id, int payments, long totalFen, String recordedBy, Instant recordedAt, boolean booked) {
    }

    public static String idOf(String clubId, String year) {
        return clubId + ":" + year;
    }

    /** Checks an academic year's name: two consecutive years, e.g. {@code 2026-2027}. */
    public static String checkYear(String year) {
        var matcher = year == null ? null : YEAR.matcher(year);
        if (matcher == null || !matcher.matches() || Integer.parseInt(matcher.group(2)) != Integer.parseInt(matcher.group(1)) + 1) {
            throw new RuleViolationException("year", "must be an academic year such as 2026-2027");
        }
        return year;
    }

    public static FeeYear rule(String clubId, String year, long amountFen, LocalDate dueOn, String actor, Instant now) {
        checkYear(year);
        if (amountFen < 1 || amountFen > 100_000_00L) {
            throw new RuleViolationException("amountFen", "must be from 1 fen to 100000 yuan");
        }
        return new FeeYear(idOf(clubId, year), clubId, year, amountFen, dueOn, actor, now, Map.of(), List.of());
    }

    /** Changes the rule; refused once anyone has paid under it (their payments were for the old amount). */
    public FeeYear changedTo(FeeYear rule) {
        if (!paid.isEmpty() && rule.amountFen() != amountFen) {
            throw new StateConflictException("the fee for " + year + " cannot change from " + amountFen + " fen: "
                    + paid.size() + " members have paid it");
        }
        return new FeeYear(id, clubId, year, rule.amountFen(), rule.dueOn(), rule.setBy(), rule.setAt(), paid, batches);
    }

    public boolean hasPaid(String studentNumber) {
        return paid.containsKey(studentNumber);
    }

    /** One transaction per payment date in the batch: each member's fee into the club's account. */
    public List<Transaction> bookingsOf(String batchId, String clubName, Map<String, Payment> payments, String actor,
                                        Instant now) {
        Map<LocalDate, List<Map.Entry<String, Payment>>> byDate = new TreeMap<>();
        payments.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(p -> byDate.computeIfAbsent(p.getValue().paidOn(), d -> new ArrayList<>()).add(p));
        List<Transaction> bookings = new ArrayList<>();
        byDate.forEach((date, rows) -> {
            List<Line> lines = new ArrayList<>();
            long total = 0;
            for (Map.Entry<String, Payment> row : rows) {
                lines.add(Line.debit(Account.clubAccountId(clubId), row.getValue().amountFen(), row.getKey()));
                total += row.getValue().amountFen();
            }
            lines.add(Line.credit(AccountKinds.FEE_INCOME, total, clubId + " " + year));
            bookings.add(Transaction.create(transactionIdOf(batchId, date), Transaction.FEE_PAYMENT, "membership-fees",
                    "Membership fees " + year + " of " + clubName + ": " + rows.size() + " member"
                            + (rows.size() == 1 ? "" : "s"), actor, new Transaction.Source("fee-batch", batchId, null),
                    date, now, lines, null));
        });
        return bookings;
    }

    /**
     * The fee payments a booking of {@link #bookingsOf} books, as the fact others hear of
     * ({@code fee-payment-recorded}, by whoever recorded them), stored with the booking.
     */
    public DomainEvent paymentsRecorded(Transaction booking) {
        List<FeePaymentRecorded.Payment> payments = booking.lines().stream().filter(Line::isDebit)
                .map(l -> new FeePaymentRecorded.Payment(l.memo(), l.amountFen())).toList();
        return new DomainEvent(FinanceEventTypes.FEE_PAYMENT_RECORDED, booking.actor(), new FeePaymentRecorded(clubId, year,
                booking.source().id(), booking.id(), booking.bookedOn(), payments, booking.totalFen()));
    }

    public static String transactionIdOf(String batchId, LocalDate paidOn) {
        return "fees-" + batchId + "-" + paidOn;
    }

    /** The payments of one batch still on record. */
    public Map<String, Payment> paymentsOf(String batchId) {
        Map<String, Payment> of = new TreeMap<>();
        paid.forEach((student, payment) -> {
            if (payment.batchId().equals(batchId)) {
                of.put(student, payment);
            }
        });
        return of;
    }
}
