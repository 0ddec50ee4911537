package org.federation.finance.accounts.application;

import org.federation.platform.domain.BusinessClock;

import org.federation.club.contracts.ClubSnapshot;
import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.clubs.application.ClubFollowUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Opens an account for each club that enters the platform, exactly once. */
@Service
public class AccountOpening implements ClubFollowUp {

    private static final Logger log = LoggerFactory.getLogger(AccountOpening.class);

    private final Accounts accounts;
    private final BusinessClock clock;

    AccountOpening(Accounts accounts, BusinessClock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void established(ClubSnapshot club, String actor) {
        openForClub(club, actor);
    }

    /** Opens the club's account unless it is open (or closed) already. */
    public void openForClub(ClubSnapshot club, String actor) {
        if (accounts.open(Account.openForClub(club.id(), club.name(), actor, clock.instant()))) {
            log.info("Opened account {} for club {} '{}'", Account.clubAccountId(club.id()), club.id(), club.name());
        }
    }
}
