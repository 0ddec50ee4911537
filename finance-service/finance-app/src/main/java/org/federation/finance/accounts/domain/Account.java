package org.federation.finance.accounts.domain;

import java.time.Instant;
import java.util.List;

import org.federation.finance.contracts.AccountMerged;
import org.federation.finance.contracts.AccountOpened;
import org.federation.finance.contracts.AccountSettled;
import org.federation.finance.contracts.AccountSnapshot;
import org.federation.finance.ledger.domain.AccountKinds;

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

    /** An account and the events its latest change produced. */
    public record Opening(Account account, List<Object> events) {
    }

    /** The id of a club's account, derived from the club id so opening it twice is impossible. */
    public static String clubAccountId(String clubId) {
        return "acct-" + clubId;
    }

    public static Opening openForClub(String clubId, String clubName, Instant now) {
        Account account = new Account(clubAccountId(clubId), CLUB, clubId, clubName, AccountKinds.FUND, 0, OPEN, now, null);
        return new Opening(account, List.of(new AccountOpened(account.snapshot())));
    }

    public static Opening openForFederation(String id, String name, Instant now) {
        Account account = new Account(id, FEDERATION, null, name, AccountKinds.kindOf(id), 0, OPEN, now, null);
        return new Opening(account, List.of(new AccountOpened(account.snapshot())));
    }

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    /**
     * Closes the account of a dissolving club once the settlement transaction moved
     * {@code movedFen} to the general fund. Closing a closed account changes nothing (a
     * redelivered request).
     */
    public Opening settle(long movedFen) {
        if (!isOpen()) {
            return new Opening(this, List.of());
        }
        Account settled = closed(SETTLED, GENERAL_FUND);
        return new Opening(settled, List.of(new AccountSettled(settled.snapshot(), clubId, movedFen, GENERAL_FUND)));
    }

    /** Closes a merged-away club's account once its balance moved to the successor's. */
    public Opening merge(String successorClubId, long movedFen, String mergerId) {
        if (!isOpen()) {
            return new Opening(this, List.of());
        }
        String successorAccount = clubAccountId(successorClubId);
        Account merged = closed(MERGED, successorAccount);
        return new Opening(merged, List.of(new AccountMerged(merged.snapshot(), clubId, successorClubId, successorAccount,
                movedFen, mergerId)));
    }

    private Account closed(String newState, String destination) {
        return new Account(id, owner, clubId, name, kind, balanceFen, newState, openedAt, destination);
    }

    public AccountSnapshot snapshot() {
        return new AccountSnapshot(id, owner, clubId, name, kind, balanceFen, state, openedAt);
    }
}
