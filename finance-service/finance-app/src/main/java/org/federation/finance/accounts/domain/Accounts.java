package org.federation.finance.accounts.domain;

import java.util.List;

/** Where accounts are kept; opening one also queues its events, in the same write. */
public interface Accounts {

    /** Stores a newly opened account; false if an account with that id already exists. */
    boolean open(Account.Opening opening, String actor);

    List<Account> ofClub(String clubId);

    /** The federation's accounts, by id. */
    List<Account> ofFederation();

    /** Closed accounts that still hold money (something was booked on them after they closed). */
    List<Account> closedWithBalance();

    /** Every account (for checks and tests). */
    List<Account> all();

    /**
     * Applies {@code change} to the stored account and queues its events, if nobody changed the
     * account since it was read (otherwise re-reads and tries again).
     */
    Account.Opening change(String id, java.util.function.UnaryOperator<Account.Opening> change, String actor);

    java.util.Optional<Account> find(String id);
}
