package org.federation.finance.accounts.domain;

import java.time.Instant;
import java.util.List;

import org.federation.finance.contracts.AccountOpened;
import org.federation.finance.contracts.AccountSnapshot;

/**
 * An account in the ledger. Its balance is derived from ledger entries (a later issue); at
 * opening it is zero.
 */
public record Account(String id, String owner, String clubId, String name, long balanceFen, String state,
                      Instant openedAt) {

    public static final String CLUB = "club";
    public static final String OPEN = "open";

    /** A new account and the events opening it produced. */
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

    public AccountSnapshot snapshot() {
        return new AccountSnapshot(id, owner, clubId, name, balanceFen, state, openedAt);
    }
}
