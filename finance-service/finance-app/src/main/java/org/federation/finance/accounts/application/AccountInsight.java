package org.federation.finance.accounts.application;

import org.federation.finance.FinanceResources;
import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.clubs.application.ClubRights;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.stereotype.Service;

/**
 * Who may look at an account and what is booked on it: a club's account its own leaders and members,
 * its liaison officer and the departments whose remit covers the ledger; the federation's accounts
 * those departments only. The accounts and the ledger (an account's transactions) both ask here.
 */
@Service
public class AccountInsight {

    private final Accounts accounts;
    private final ClubRights rights;

    AccountInsight(Accounts accounts, ClubRights rights) {
        this.accounts = accounts;
        this.rights = rights;
    }

    /**
     * The account, if {@code caller} may read it.
     *
     * @throws ResourceNotFoundException if there is no such account
     * @throws org.federation.platform.problem.ForbiddenException if the caller may not read it
     */
    public Account readable(String id, Caller caller) {
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
