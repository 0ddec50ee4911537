package org.federation.finance.ledger.web;

import org.federation.finance.FinanceResources;
import org.federation.platform.security.Remit;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.federation.finance.clubs.application.ClubRights;
import org.federation.finance.ledger.application.BookingCalendar;
import org.federation.finance.ledger.application.Ledger;
import org.federation.finance.ledger.domain.Journal;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.idempotency.IdempotencyKey;
import org.federation.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The ledger itself: the Finance Department books balanced transactions (a grant into the general
 * fund, a transfer to a department's budget) and reverses mistakes; nobody edits or deletes.
 */
@RestController
@RequestMapping("/api/ledger/transactions")
@Validated
class LedgerController {

    record LineRequest(@NotBlank @Size(max = 200) String accountId,
                       @NotNull @Pattern(regexp = "debit|credit") String side,
                       @NotNull @Positive Long amountFen,
                       @Size(max = 200) String memo) {
    }

    record TransactionRequest(@NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}") String category,
                              @NotBlank @Size(max = 500) String description,
                              @NotNull LocalDate bookedOn,
                              @NotEmpty @Size(min = 2, max = 200) List<@Valid @NotNull LineRequest> lines) {
    }

    record ReversalRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final Ledger ledger;
    private final ClubRights rights;
    private final BookingCalendar calendar;

    LedgerController(Ledger ledger, ClubRights rights, BookingCalendar calendar) {
        this.ledger = ledger;
        this.rights = rights;
        this.calendar = calendar;
    }

    /**
     * Books a balanced transaction (Finance Department): 201 with the transaction. Its id is derived
     * from the caller and the required {@code Idempotency-Key}, so a retry that runs again finds it.
     */
    @PostMapping
    ResponseEntity<Transaction> book(IdempotencyKey key, @Valid @RequestBody TransactionRequest request, Caller caller) {
        rights.requireFinance(caller, "booking a transaction");
        Transaction transaction = Transaction.create(key.derivedId(Transaction.MANUAL), Transaction.MANUAL,
                request.category(), request.description(), caller.subject(),
                new Transaction.Source("manual", null, null), request.bookedOn(), calendar.now(),
                request.lines().stream().map(l -> new Line(l.accountId(), l.side(), l.amountFen(), l.memo())).toList(),
                null);
        Journal.Posted posted = ledger.post(transaction);
        return ResponseEntity.created(URI.create("/api/ledger/transactions/" + posted.transaction().id()))
                .body(posted.transaction());
    }

    /** One transaction: for the staff, and for the people of a club whose account it touches. */
    @GetMapping("/{id}")
    Transaction get(@PathVariable String id, Caller caller) {
        Transaction transaction = ledger.get(id);
        boolean insider = transaction.accounts().stream().filter(a -> a.startsWith("acct-"))
                .anyMatch(a -> rights.isInsider(caller, a.substring("acct-".length())));
        Remit.requireReadsClubs(caller, FinanceResources.LEDGER, insider, transaction.accounts().stream()
                .filter(a -> a.startsWith("acct-")).map(a -> rights.liaisonOf(a.substring("acct-".length())))
                .filter(java.util.Objects::nonNull).toList(), "transaction " + id);
        return transaction;
    }

    /** Reverses a transaction (Finance Department): a new transaction pointing at it, booked today. */
    @PostMapping("/{id}/reversal")
    ResponseEntity<Transaction> reverse(IdempotencyKey key, @PathVariable String id, @Valid @RequestBody ReversalRequest request,
                                        Caller caller) {
        rights.requireFinance(caller, "reversing a transaction");
        Journal.Posted posted = ledger.reverse(id, request.reason().strip(), caller.subject());
        return ResponseEntity.created(URI.create("/api/ledger/transactions/" + posted.transaction().id()))
                .body(posted.transaction());
    }
}
