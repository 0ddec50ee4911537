package org.federation.finance.accounts.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.accounts.domain.AccountKinds;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Opens the federation's accounts (general fund, sponsorship fund, department budgets, income and
 * expense accounts) when finance-service starts; an account already open is left as it is, so
 * every instance may do this at every start.
 */
@Component
class FederationAccounts implements ApplicationRunner {

    private final Accounts accounts;
    private final BusinessClock clock;

    FederationAccounts(Accounts accounts, BusinessClock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String[] account : AccountKinds.federationAccounts()) {
            if (accounts.find(account[0]).isEmpty()) {
                accounts.open(Account.openForFederation(account[0], account[1], clock.instant()));
            }
        }
    }
}
