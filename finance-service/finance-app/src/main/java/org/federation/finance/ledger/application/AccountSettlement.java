package org.federation.finance.ledger.application;

import org.federation.club.contracts.ClubSnapshot;
import org.federation.finance.accounts.application.AccountOpening;
import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.clubs.application.ClubFollowUp;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.domain.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * finance-service's step of the dissolution saga, and its part of a merger. A dissolving club's
 * balance moves to the general fund, a merged-away club's to its successor, each by one ledger
 * transaction whose id is derived from the account (so exactly once, whatever is redelivered);
 * then the account closes and says so. It lives with the ledger because the ledger's rule decides it:
 * a closed account's money goes where {@link Account#movedTo()} says (see also {@link Ledger#recover}).
 */
@Service
public class AccountSettlement implements ClubFollowUp {

    private static final Logger log = LoggerFactory.getLogger(AccountSettlement.class);

    private final Accounts accounts;
    private final AccountOpening opening;
    private final Ledger ledger;

    AccountSettlement(Accounts accounts, AccountOpening opening, Ledger ledger) {
        this.accounts = accounts;
        this.opening = opening;
        this.ledger = ledger;
    }

    @Override
    public void dissolutionRequested(ClubSnapshot club, String actor) {
        settleForDissolution(club, actor);
    }

    @Override
    public void mergedAway(ClubSnapshot club, ClubSnapshot successor, String mergerId, String actor) {
        mergeAway(club, successor, mergerId, actor);
    }

    /** Settles the club's account, opening it first if finance-service never saw the club established. */
    private void settleForDissolution(ClubSnapshot club, String actor) {
        opening.openForClub(club, actor);
        String id = Account.clubAccountId(club.id());
        if (!accounts.find(id).map(Account::isOpen).orElse(false)) {
            return; // settled already: a redelivered request
        }
        long moved = ledger.moveBalance(id, Account.GENERAL_FUND, "settle-" + id, Transaction.SETTLEMENT, "settlement",
                "Dissolution of " + club.name() + ": the remaining balance goes to the general fund", actor,
                new Transaction.Source("club", club.id(), null));
        Decision<Account> settled = accounts.change(id, current -> current.settle(moved, actor));
        if (!settled.events().isEmpty()) {
            log.info("Settled and closed account {} of dissolving club {} '{}': {} fen to the general fund",
                    id, club.id(), club.name(), moved);
        }
    }

    /**
     * Moves a merged-away club's balance to its successor's account (opened from the successor's
     * snapshot if finance-service has not seen it established yet) and closes the account.
     */
    private void mergeAway(ClubSnapshot club, ClubSnapshot successor, String mergerId, String actor) {
        opening.openForClub(club, actor);
        opening.openForClub(successor, actor);
        String id = Account.clubAccountId(club.id());
        if (!accounts.find(id).map(Account::isOpen).orElse(false)) {
            return;
        }
        String to = Account.clubAccountId(successor.id());
        long moved = ledger.moveBalance(id, to, "merge-" + mergerId + "-" + id, Transaction.MERGER, "merger",
                "Merger " + mergerId + ": " + club.name() + "'s balance goes to its successor " + successor.name(), actor,
                new Transaction.Source("merger", mergerId, null));
        Decision<Account> merged = accounts.change(id, current -> current.merge(successor.id(), moved, mergerId, actor));
        if (!merged.events().isEmpty()) {
            log.info("Merged account {} into {}: {} fen moved (merger {})", id, to, moved, mergerId);
        }
    }
}
