package org.federation.finance.accounts.web;

import org.federation.finance.FinanceResources;
import org.federation.platform.security.Remit;
import java.util.List;

import org.federation.finance.accounts.application.AccountInsight;
import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.clubs.application.ClubRights;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;

/**
 * Accounts in the ledger: a club's are seen by its own people and the federation's staff, the
 * federation's by its staff (its statements are public, see the statements). An account's
 * transactions are the ledger's ({@code /api/accounts/{id}/transactions}, ledger's web).
 */
@RestController
@RequestMapping("/api/accounts")
@Validated
class AccountController {

    private final Accounts accounts;
    private final ClubRights rights;
    private final AccountInsight insight;

    AccountController(Accounts accounts, ClubRights rights, AccountInsight insight) {
        this.accounts = accounts;
        this.rights = rights;
        this.insight = insight;
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
        return insight.readable(id, caller);
    }
}
