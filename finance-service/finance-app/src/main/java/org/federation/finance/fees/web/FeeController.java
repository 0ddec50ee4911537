package org.federation.finance.fees.web;

import org.federation.finance.FinanceResources;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.federation.finance.clubs.application.ClubRights;
import org.federation.finance.fees.application.FeeBook;
import org.federation.finance.fees.domain.FeeYear;
import org.federation.platform.idempotency.IdempotencyKey;
import org.federation.platform.security.Caller;
import org.federation.platform.web.CsvTable;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A club's membership fees: its leaders (or the Finance Department) set the fee of an academic
 * year and record payments, one by one or as a CSV file (all rows or none); its members and the
 * federation's staff see who has paid.
 */
@RestController
@RequestMapping("/api/clubs/{clubId}/fees")
@Validated
class FeeController {

    /** At most this many payments in one file. */
    static final int MAX_ROWS = 1000;
    static final List<String> CSV_COLUMNS = List.of("studentNumber", "amountFen", "paidOn");

    record Rule(@NotNull @Positive @Max(10_000_000L) Long amountFen, LocalDate dueOn) {
    }

    record PaymentRequest(@NotBlank @Size(max = 32) String studentNumber, @NotNull LocalDate paidOn) {
    }

    /** A fee year and who of the club's members has not paid it. */
    record FeeYearView(FeeYear fees, List<String> unpaid) {
    }

    private final FeeBook book;
    private final ClubRights rights;

    FeeController(FeeBook book, ClubRights rights) {
        this.book = book;
        this.rights = rights;
    }

    /** The club's fee years, newest first. */
    @GetMapping
    List<FeeYear> list(@PathVariable String clubId, Caller caller) {
        rights.requireInsight(caller, clubId, FinanceResources.FEES, "club " + clubId + "'s fees");
        return book.ofClub(clubId);
    }

    /** Sets the fee of an academic year ({@code 2026-2027}); it cannot change once someone has paid. */
    @PutMapping("/{year}")
    FeeYear setRule(@PathVariable String clubId, @PathVariable String year, @Valid @RequestBody Rule rule, Caller caller) {
        rights.requireLeaderOrFinance(caller, clubId, "setting club " + clubId + "'s fee");
        return book.setRule(clubId, year, rule.amountFen(), rule.dueOn(), caller.subject());
    }

    /** The fee year with every payment, and the members who have not paid. */
    @GetMapping("/{year}")
    FeeYearView get(@PathVariable String clubId, @PathVariable String year, Caller caller) {
        rights.requireInsight(caller, clubId, FinanceResources.FEES, "club " + clubId + "'s fees");
        FeeYear fees = book.get(clubId, year);
        return new FeeYearView(fees, book.unpaid(fees));
    }

    /** Records one member's payment of the year's fee: 201. */
    @PostMapping("/{year}/payments")
    ResponseEntity<FeeBook.Recorded> pay(IdempotencyKey key, @PathVariable String clubId, @PathVariable String year,
                                         @Valid @RequestBody PaymentRequest payment, Caller caller) {
        rights.requireLeaderOrFinance(caller, clubId, "recording club " + clubId + "'s fees");
        FeeYear fees = book.get(clubId, year);
        FeeBook.Recorded recorded = book.record(clubId, year, List.of(new FeeBook.Row(1, payment.studentNumber().strip(),
                Long.toString(fees.amountFen()), payment.paidOn().toString(), null)), caller.subject(),
                key.derivedId("fees"));
        return ResponseEntity.created(URI.create("/api/clubs/" + clubId + "/fees/" + year)).body(recorded);
    }

    /**
     * Records many payments from CSV (columns {@code studentNumber,amountFen,paidOn}): all rows or,
     * if any is wrong, none, with a 422 naming every wrong row.
     */
    @PostMapping(path = "/{year}/payments/import", consumes = "text/csv")
    ResponseEntity<FeeBook.Recorded> importCsv(IdempotencyKey key, @PathVariable String clubId, @PathVariable String year,
                                               @RequestBody String csv, Caller caller) {
        rights.requireLeaderOrFinance(caller, clubId, "recording club " + clubId + "'s fees");
        book.get(clubId, year);
        CsvTable table = CsvTable.parse(csv, CSV_COLUMNS);
        if (table.rows().size() > MAX_ROWS) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "the file has " + table.rows().size()
                    + " rows; at most " + MAX_ROWS + " payments can be recorded at once");
        }
        List<FeeBook.Row> rows = table.rows().stream().map(r -> new FeeBook.Row(r.line(), r.get("studentNumber"),
                r.get("amountFen"), r.get("paidOn"), r.problem())).toList();
        FeeBook.Recorded recorded = book.record(clubId, year, rows, caller.subject(), key.derivedId("fees"));
        return ResponseEntity.created(URI.create("/api/clubs/" + clubId + "/fees/" + year)).body(recorded);
    }
}
