package org.federation.finance.accounts.domain;

import java.time.Instant;
import java.util.List;

import org.federation.finance.contracts.AccountOpened;
import org.federation.finance.contracts.AccountSettled;
import org.federation.finance.contracts.AccountSnapshot;

/**
 * An account in the ledger. Its balance is derived from ledger entries (a later issue); at
 * opening it is zero. A club's account is settled and closed when the club dissolves.
 */
public record Account(String id, String owner, String clubId, String name, long balanceFen, String state,
                      Instant openedAt) {

    public static final String CLUB = "club";
    public static final String OPEN = "open";
    public static final String SETTLED = "settled";
    /** Where a dissolved club's remaining balance goes, by the federation's rule: its general fund. */
    public static final String GENERAL_FUND = "federation-general";

    /** An account and the events its latest change produced. */
    public record Opening(Account account, List<Object> events) {
    }

    /** The id of a club's account, derived from the club id so opening it twice is impossible. */
    public static String clubAccountId(String clubId) {
        return "acct-" + clubId;
    }

    public static Opening openForClub(String clubId, String clubName, Instant now) {
        Account account = new Account(clubAccountId(clubId), CLUB, clubId, clubName, 0, OPEN, now);
        return new Opening(account, List.of(new AccountOpened(account.snapshot())));
    }

    /**
     * Settles and closes the account of a dissolving club: its balance moves to the general fund
     * and the account takes no more entries. Settling a settled account changes nothing (a
     * redelivered request). Until the ledger exists every balance is zero, so nothing moves yet.
     */
    public Opening settle() {
        if (SETTLED.equals(state)) {
            return new Opening(this, List.of());
        }
        Account settled = new Account(id, owner, clubId, name, 0, SETTLED, openedAt);
        return new Opening(settled, List.of(new AccountSettled(settled.snapshot(), clubId, balanceFen, GENERAL_FUND)));
    }

    public AccountSnapshot snapshot() {
        return new AccountSnapshot(id, owner, clubId, name, balanceFen, state, openedAt);
    }
}
