package org.federation.finance.accounts.application;

import org.federation.club.contracts.ClubSnapshot;
import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * finance-service's step of the dissolution saga: when a club asks to dissolve, its account is
 * settled and closed, and {@code account-settled} tells club-service it may dissolve the club.
 */
@Service
public class AccountSettlement {

    private static final Logger log = LoggerFactory.getLogger(AccountSettlement.class);

    private final Accounts accounts;
    private final AccountOpening opening;

    AccountSettlement(Accounts accounts, AccountOpening opening) {
        this.accounts = accounts;
        this.opening = opening;
    }

    /** Settles the club's account, opening it first if finance-service never saw the club established. */
    public void settleForDissolution(ClubSnapshot club, String actor) {
        opening.openForClub(club, actor);
        Account.Opening settled = accounts.change(Account.clubAccountId(club.id()),
                current -> current.account().settle(), actor);
        if (!settled.events().isEmpty()) {
            log.info("Settled and closed account {} of dissolving club {} '{}'", settled.account().id(), club.id(),
                    club.name());
        }
    }
}
