package org.federation.finance.accounts.web;

import java.util.List;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.clubs.KnownClubs;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.NotBlank;

/** Accounts in the ledger; a club's are seen by its own people and the federation, never anonymously. */
@RestController
@RequestMapping("/api/accounts")
@Validated
class AccountController {

    private final Accounts accounts;
    private final KnownClubs clubs;

    AccountController(Accounts accounts, KnownClubs clubs) {
        this.accounts = accounts;
        this.clubs = clubs;
    }

    /** A club's accounts ({@code clubId} is required): for its leaders and members and the federation's staff. */
    @GetMapping
    List<Account> ofClub(@RequestParam @NotBlank String clubId, Caller caller) {
        requireInsight(caller, clubId);
        return accounts.ofClub(clubId);
    }

    /** One account: a club's for its leaders and members and the federation's staff. */
    @GetMapping("/{id}")
    Account get(@PathVariable String id, Caller caller) {
        Account account = accounts.find(id).orElseThrow(() -> new ResourceNotFoundException("account", id));
        requireInsight(caller, account.clubId());
        return account;
    }

    private void requireInsight(Caller caller, String clubId) {
        // finance-service's own copy of club-service's facts decides who leads or belongs to the club
        boolean insider = clubId != null && clubs.find(clubId).map(c -> c.includes(caller.subject())).orElse(false);
        caller.requireStaffOrInsider(insider, "club " + clubId + "'s accounts");
    }
}
