package org.federation.finance.accounts.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;

/** Where accounts are kept; opening one also queues its events, in the same write. */
public interface Accounts {

    /** Stores a newly opened account with its events; false if an account with that id already exists. */
    boolean open(Decision<Account> opening);

    List<Account> ofClub(String clubId);

    /** The federation's accounts, by id. */
    List<Account> ofFederation();

    /** Closed accounts that still hold money (something was booked on them after they closed). */
    List<Account> closedWithBalance();

    /** Every account (for checks and tests). */
    List<Account> all();

    /**
     * Decides on the stored account and stores the decision with its events, if nobody changed the
     * account since it was read (otherwise decides again on the fresh account).
     *
     * @throws org.federation.platform.problem.ResourceNotFoundException if there is no such account
     */
    Decision<Account> change(String id, Function<Account, Decision<Account>> decide);

    Optional<Account> find(String id);
}
