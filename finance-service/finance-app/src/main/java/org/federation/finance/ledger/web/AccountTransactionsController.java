package org.federation.finance.ledger.web;

import org.federation.finance.accounts.application.AccountInsight;
import org.federation.finance.ledger.domain.Journal;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What the ledger booked on one account, for whoever may read the account ({@link AccountInsight}).
 * It sits under the account's address but belongs to the ledger: the accounts know nothing of the journal.
 */
@RestController
@RequestMapping("/api/accounts/{id}/transactions")
@Validated
class AccountTransactionsController {

    private final AccountInsight insight;
    private final Journal journal;

    AccountTransactionsController(AccountInsight insight, Journal journal) {
        this.insight = insight;
        this.journal = journal;
    }

    /** The account's ledger transactions, newest first by booking date. */
    @GetMapping
    PageOf<Transaction> transactions(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size,
                                     Caller caller) {
        insight.readable(id, caller);
        return journal.page(id, page, size);
    }
}
