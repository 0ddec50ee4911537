package org.federation.finance.accounts.web;

import java.util.List;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.platform.problem.ResourceNotFoundException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.NotBlank;

/** Accounts in the ledger. */
@RestController
@RequestMapping("/api/accounts")
@Validated
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A club's accounts ({@code clubId} is required). */
    @GetMapping
    List<Account> ofClub(@RequestParam @NotBlank String clubId) {
        return accounts.ofClub(clubId);
    }

    @GetMapping("/{id}")
    Account get(@PathVariable String id) {
        return accounts.find(id).orElseThrow(() -> new ResourceNotFoundException("account", id));
    }
}
