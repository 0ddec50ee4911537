package org.federation.finance.accounts.web;

import org.federation.finance.FinanceResources;
import org.federation.platform.security.Remit;
import java.util.List;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.clubs.ClubRights;
import org.federation.finance.ledger.domain.Journal;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Accounts in the ledger and their transactions: a club's are seen by its own people and the
 * federation's staff, the federation's by its staff (its statements are public, see the statements).
 */
@RestController
@RequestMapping("/api/accounts")
@Validated
class AccountController {

    private final Accounts accounts;
    private final ClubRights rights;
    private final Journal journal;

    AccountController(Accounts accounts, ClubRights rights, Journal journal) {
        this.accounts = accounts;
        this.rights = rights;
        this.journal = journal;
    }

    /**
     * A club's accounts ({@code clubId}), or the federation's ({@code owner=federation}, staff only);
     * one of the two is required.
     */
    @GetMapping
    List<Account> list(@RequestParam(required = false) String clubId,
                       @RequestParam(required = false) @Pattern(regexp = "federation") String owner, Caller caller)
            throws org.springframework.web.bind.MissingServletRequestParameterException {
        if (clubId != null && !clubId.isBlank() && owner == null) {
            rights.requireInsight(caller, clubId, FinanceResources.LEDGER, "club " + clubId + "'s accounts");
            return accounts.ofClub(clubId);
        }
        if (owner != null && clubId == null) {
            Remit.requireReads(caller, FinanceResources.LEDGER, "the federation's accounts");
            return accounts.ofFederation();
        }
        // 400 like any missing parameter: one of the two is required
        throw new org.springframework.web.bind.MissingServletRequestParameterException("clubId (or owner=federation)",
                "String");
    }

    /** One account: a club's for its leaders and members and the federation's staff. */
    @GetMapping("/{id}")
    Account get(@PathVariable String id, Caller caller) {
        return readable(id, caller);
    }

    /** The account's ledger transactions, newest first by booking date. */
    @GetMapping("/{id}/transactions")
    PageOf<Transaction> transactions(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size,
                                     Caller caller) {
        readable(id, caller);
        return journal.page(id, page, size);
    }

    private Account readable(String id, Caller caller) {
        Account account = accounts.find(id).orElseThrow(() -> new ResourceNotFoundException("account", id));
        if (account.clubId() == null) {
            Remit.requireReads(caller, FinanceResources.LEDGER, "the federation's accounts");
        } else {
            // finance-service's own copy of club-service's facts decides who leads or belongs to the club
            rights.requireInsight(caller, account.clubId(), FinanceResources.LEDGER, "club " + account.clubId() + "'s accounts");
        }
        return account;
    }
}
