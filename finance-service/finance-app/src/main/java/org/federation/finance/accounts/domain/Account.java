package org.federation.finance.accounts.domain;

import java.time.Instant;

import org.federation.finance.contracts.AccountMerged;
import org.federation.finance.contracts.AccountOpened;
import org.federation.finance.contracts.AccountSettled;
import org.federation.finance.contracts.AccountSnapshot;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;

/**
 * An account in the ledger: a club's ({@code acct-<clubId>}) or one of the federation's (see
 * {@link AccountKinds}). Its balance is the sum of its ledger entries on its normal side; only
 * the ledger moves it. A club's account is closed when the club dissolves ({@code settled}: the
 * balance went to the general fund) or merges into another ({@code merged}: it went to the
 * successor); a closed account takes no new postings.
 *
 * @param movedTo where a closed account's balance went (and where anything booked on it late goes)
 */
public record Account(String id, String owner, String clubId, String name, String kind, long balanceFen, String state,
                      Instant openedAt, String movedTo) {

    public static final String CLUB = "club";
    public static final String FEDERATION = "federation";
    public static final String OPEN = "open";
    public static final String SETTLED = "settled";
    public static final String MERGED = "merged";
    /** Where a dissolved club's remaining balance goes, by the federation's rule: its general fund. */
    public static final String GENERAL_FUND = AccountKinds.GENERAL_FUND;

    /** The id of a club's account, derived from the club id so opening it twice is impossible. */
    public static String clubAccountId(String clubId) {
        return "acct-" + clubId;
    }

    /**
     * Opens a club's account because the club entered the platform (or is being settled or merged
     * before finance-service saw it enter).
     *
     * @param actor who caused the club event this opening follows from
     */
    public static Decision<Account> openForClub(String clubId, String clubName, String actor, Instant now) {
        return opened(new Account(clubAccountId(clubId), CLUB, clubId, clubName, AccountKinds.FUND, 0, OPEN, now, null),
                actor);
    }

    /** Opens one of the federation's own accounts; finance-service does this by itself at start. */
    public static Decision<Account> openForFederation(String id, String name, Instant now) {
        return opened(new Account(id, FEDERATION, null, name, AccountKinds.kindOf(id), 0, OPEN, now, null),
                DomainEvent.SYSTEM);
    }

    private static Decision<Account> opened(Account account, String actor) {
        return Decision.of(account, new DomainEvent(FinanceEventTypes.ACCOUNT_OPENED, actor,
                new AccountOpened(account.snapshot())));
    }

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    /**
     * Closes the account of a dissolving club once the settlement transaction moved
     * {@code movedFen} to the general fund. Closing a closed account changes nothing (a
     * redelivered request).
     *
     * @param actor who asked for the dissolution
     */
    public Decision<Account> settle(long movedFen, String actor) {
        if (!isOpen()) {
            return Decision.quietly(this);
        }
        Account settled = closed(SETTLED, GENERAL_FUND);
        return Decision.of(settled, new DomainEvent(FinanceEventTypes.ACCOUNT_SETTLED, actor,
                new AccountSettled(settled.snapshot(), clubId, movedFen, GENERAL_FUND)));
    }

    /**
     * Closes a merged-away club's account once its balance moved to the successor's.
     *
     * @param actor who decided the merger
     */
    public Decision<Account> merge(String successorClubId, long movedFen, String mergerId, String actor) {
        if (!isOpen()) {
            return Decision.quietly(this);
        }
        String successorAccount = clubAccountId(successorClubId);
        Account merged = closed(MERGED, successorAccount);
        return Decision.of(merged, new DomainEvent(FinanceEventTypes.ACCOUNT_MERGED, actor,
                new AccountMerged(merged.snapshot(), clubId, successorClubId, successorAccount, movedFen, mergerId)));
    }

    private Account closed(String newState, String destination) {
        return new Account(id, owner, clubId, name, kind, balanceFen, newState, openedAt, destination);
    }

    public AccountSnapshot snapshot() {
        return new AccountSnapshot(id, owner, clubId, name, kind, balanceFen, state, openedAt);
    }
}
