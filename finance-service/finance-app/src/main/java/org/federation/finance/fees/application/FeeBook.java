package org.federation.finance.fees.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.clubs.domain.KnownClub;
import org.federation.finance.clubs.domain.KnownClubs;
import org.federation.finance.fees.domain.FeeYear;
import org.federation.finance.fees.domain.FeeYears;
import org.federation.finance.ledger.application.BookingCalendar;
import org.federation.finance.ledger.application.Ledger;
import org.federation.finance.ledger.application.Sweep;
import org.federation.finance.ledger.domain.ClosedPeriods;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.ReversalFollowUp;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.problem.RejectedEntriesException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.web.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Membership fees: the rule per club and academic year, and payments recorded one by one or as a
 * CSV batch. A batch is all or nothing: every row is checked (a member of the club as
 * finance-service knows it, not paid yet this year, not twice in the file, the year's amount, a
 * date that is neither in the future nor in a closed period), and if any row is wrong nothing is
 * recorded and the answer names every wrong row. A good batch is recorded in one conditional
 * update of the fee year and booked in the ledger, one transaction per payment date.
 */
@Service
public class FeeBook implements Sweep.Unbooked, ReversalFollowUp {

    private static final Logger log = LoggerFactory.getLogger(FeeBook.class);

    /** One payment as a CSV row or a request states it; the text is checked here. */
    public record Row(int line, String studentNumber, String amountFen, String paidOn, String problem) {
    }

    /** What a recorded batch came to. */
    public record Recorded(String batchId, int payments, long totalFen, List<String> transactionIds) {
    }

    private final FeeYears years;
    private final KnownClubs clubs;
    private final Ledger ledger;
    private final ClosedPeriods closedPeriods;
    private final BookingCalendar calendar;

    FeeBook(FeeYears years, KnownClubs clubs, Ledger ledger, ClosedPeriods closedPeriods, BookingCalendar calendar) {
        this.years = years;
        this.clubs = clubs;
        this.ledger = ledger;
        this.closedPeriods = closedPeriods;
        this.calendar = calendar;
    }

    public FeeYear setRule(String clubId, String year, long amountFen, LocalDate dueOn, String actor) {
        knownClub(clubId);
        return years.setRule(FeeYear.rule(clubId, year, amountFen, dueOn, actor, calendar.now()));
    }

    public FeeYear get(String clubId, String year) {
        FeeYear.checkYear(year);
        return years.find(clubId, year).orElseThrow(() -> new ResourceNotFoundException("fee rule for " + year + " of club",
                clubId));
    }

    public List<FeeYear> ofClub(String clubId) {
        return years.ofClub(clubId);
    }

    /** The club's members (as finance-service knows them) who have not paid this year. */
    public List<String> unpaid(FeeYear year) {
        KnownClub club = knownClub(year.clubId());
        List<String> everyone = new ArrayList<>();
        club.leaders().forEach(l -> everyone.add(l.studentNumber()));
        everyone.addAll(club.memberStudentNumbers());
        return everyone.stream().distinct().filter(s -> !year.hasPaid(s)).sorted().toList();
    }

    /** Records payments, all or none (422 naming each wrong row). */
    public Recorded record(String clubId, String year, List<Row> rows, String actor, String batchId) {
        FeeYear fees = get(clubId, year);
        FeeYear.Batch earlier = fees.batches().stream().filter(b -> b.id().equals(batchId)).findFirst().orElse(null);
        if (earlier != null) {
            return again(fees, earlier);
        }
        KnownClub club = knownClub(clubId);
        if (rows.isEmpty()) {
            throw new RejectedEntriesException("the file has a header but no rows; nothing to record", List.of());
        }
        String account = Account.clubAccountId(clubId);
        Map<String, FeeYear.Payment> payments = new TreeMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (Row row : rows) {
            List<FieldError> errors = new ArrayList<>();
            if (row.problem() != null) {
                errors.add(new FieldError("row", row.problem()));
            } else {
                String student = row.studentNumber();
                if (student == null || !FeeYear.STUDENT_NUMBER.matcher(student).matches()) {
                    errors.add(new FieldError("studentNumber", "must be a student number (letters, digits, - or _)"));
                } else if (lineOf.containsKey(student)) {
                    errors.add(new FieldError("studentNumber", student + " is also on line " + lineOf.get(student)));
                } else if (!club.includes(student)) {
                    errors.add(new FieldError("studentNumber", student + " is not a member of " + club.name()
                            + " as finance-service knows it"));
                } else if (fees.hasPaid(student)) {
                    errors.add(new FieldError("studentNumber", student + " has paid the " + year + " fee already (on "
                            + fees.paid().get(student).paidOn() + ")"));
                }
                if (student != null) {
                    lineOf.putIfAbsent(student, row.line());
                }
                Long amount = null;
                try {
                    amount = Long.parseLong(row.amountFen() == null ? "" : row.amountFen().strip());
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("amountFen", "'" + row.amountFen() + "' is not a whole number of fen"));
                }
                if (amount != null && amount != fees.amountFen()) {
                    errors.add(new FieldError("amountFen", "the " + year + " fee of this club is " + fees.amountFen()
                            + " fen, not " + amount));
                }
                LocalDate paidOn = null;
                try {
                    paidOn = LocalDate.parse(row.paidOn() == null ? "" : row.paidOn().strip());
                    ledger.checkBookingDate(paidOn, "paidOn");
                    LocalDate date = paidOn;
                    closedPeriods.statementCovering(account, date).ifPresent(statement -> errors.add(new FieldError(
                            "paidOn", date + " is in a period closed by the published statement " + statement)));
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("paidOn", "'" + row.paidOn() + "' is not an ISO date such as 2026-09-15"));
                } catch (RuleViolationException e) {
                    errors.add(new FieldError("paidOn", e.getMessage()));
                }
                if (errors.isEmpty()) {
                    payments.put(student, new FeeYear.Payment(batchId, paidOn, amount,
                            FeeYear.transactionIdOf(batchId, paidOn), actor));
                }
            }
            if (!errors.isEmpty()) {
                Map<String, Object> outcome = new java.util.LinkedHashMap<>();
                outcome.put("line", row.line());
                outcome.put("studentNumber", row.studentNumber());
                outcome.put("errors", errors);
                rejected.add(outcome);
            }
        }
        if (!rejected.isEmpty()) {
            throw new RejectedEntriesException(rejected.size() + " of " + rows.size() + " payments cannot be recorded, so"
                    + " none was; fix the rows listed under 'rejected' and send them again", rejected);
        }
        Instant now = calendar.now();
        List<Transaction> bookings = fees.bookingsOf(batchId, club.name(), payments, actor, now);
        bookings.forEach(ledger::check); // the club's account is open
        long total = payments.values().stream().mapToLong(FeeYear.Payment::amountFen).sum();
        FeeYear.Batch batch = new FeeYear.Batch(batchId, payments.size(), total, actor, now, false);
        if (!years.record(fees.id(), batch, payments)) {
            // someone recorded one of these members meanwhile: check again, naming who
            return record(clubId, year, rows, actor, batchId);
        }
        bookings.forEach(booking -> ledger.postChecked(booking, fees.paymentsRecorded(booking)));
        years.markBooked(fees.id(), batchId);
        log.info("Recorded {} fee payments ({} fen) for {} {}", payments.size(), total, clubId, year);
        return new Recorded(batchId, payments.size(), total, bookings.stream().map(Transaction::id).toList());
    }

    /** A retried batch (its first attempt got this far, then crashed or lost its answer): booked once, answered the same. */
    private Recorded again(FeeYear fees, FeeYear.Batch batch) {
        String name = clubs.find(fees.clubId()).map(KnownClub::name).orElse(fees.clubId());
        List<Transaction> bookings = fees.bookingsOf(batch.id(), name, fees.paymentsOf(batch.id()), batch.recordedBy(),
                batch.recordedAt());
        if (!batch.booked()) {
            bookings.forEach(booking -> ledger.postChecked(booking, fees.paymentsRecorded(booking)));
            years.markBooked(fees.id(), batch.id());
        }
        return new Recorded(batch.id(), batch.payments(), batch.totalFen(), bookings.stream().map(Transaction::id).toList());
    }

    @Override
    public void bookUnbooked(Instant before) {
        for (FeeYear year : years.withUnbookedBatches(before)) {
            String name = clubs.find(year.clubId()).map(KnownClub::name).orElse(year.clubId());
            for (FeeYear.Batch batch : year.batches()) {
                if (!batch.booked() && batch.recordedAt().isBefore(before)) {
                    Sweep.oneRecord("fee batch " + batch.id() + " of " + year.id(), () -> {
                        log.warn("Booking fee batch {} of {}, recorded but not booked (an interrupted request)", batch.id(),
                                year.id());
                        year.bookingsOf(batch.id(), name, year.paymentsOf(batch.id()), batch.recordedBy(), batch.recordedAt())
                                .forEach(booking -> ledger.postChecked(booking, year.paymentsRecorded(booking)));
                        years.markBooked(year.id(), batch.id());
                    });
                }
            }
        }
    }

    /** A reversed fee payment frees its members for the year, so the correct payment can be recorded. */
    @Override
    public void reversed(Transaction original) {
        if (!Transaction.FEE_PAYMENT.equals(original.kind())) {
            return;
        }
        String account = original.lines().stream().filter(Line::isDebit).map(Line::accountId).findFirst().orElse("");
        String year = original.lines().stream().filter(l -> !l.isDebit()).map(Line::memo).findFirst().orElse("");
        String clubId = account.substring("acct-".length());
        String feeYear = year.substring(year.lastIndexOf(' ') + 1);
        years.forgetPaymentsOf(original.id(), original.lines().stream().filter(Line::isDebit).map(Line::memo).toList(),
                FeeYear.idOf(clubId, feeYear));
    }

    private KnownClub knownClub(String clubId) {
        return clubs.find(clubId).orElseThrow(() -> new ResourceNotFoundException("club", clubId));
    }
}
