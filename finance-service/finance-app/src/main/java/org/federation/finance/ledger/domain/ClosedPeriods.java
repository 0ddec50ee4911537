package org.federation.finance.ledger.domain;

import java.time.LocalDate;
import java.util.Optional;

/** Periods of an account that a published statement has closed: nothing may be booked into them any more. */
public interface ClosedPeriods {

    /** The published statement covering this account on this date, if any. */
    Optional<String> statementCovering(String accountId, LocalDate date);
}
