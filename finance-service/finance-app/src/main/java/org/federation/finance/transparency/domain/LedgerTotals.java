package org.federation.finance.transparency.domain;

import java.time.LocalDate;
import java.util.List;

/** The ledger summed per account, for the trial balance. */
public interface LedgerTotals {

    /**
     * Every account's debits and credits in the transactions booked on or before {@code asOf}:
     * every transaction written to the journal, including one whose balances are still being
     * applied (it is in the ledger with all its lines from the moment it is written).
     */
    List<TrialBalance.AccountTotals> byAccount(LocalDate asOf);
}
