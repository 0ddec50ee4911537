package org.federation.finance.ledger.domain;

import java.time.Instant;

/**
 * A booked record (an expense claim, a sponsorship receipt) withdrawn as a correction: it stays on
 * record with the reason, counts no more, and its ledger transaction is reversed. {@code booked}
 * turns true once the reversal is written; the sweep writes it if a crash came between.
 */
public record Withdrawal(String reason, String withdrawnBy, Instant withdrawnAt, boolean booked) {

    public Withdrawal reversalBooked() {
        return new Withdrawal(reason, withdrawnBy, withdrawnAt, true);
    }
}
