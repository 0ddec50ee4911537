package org.federation.finance.ledger.domain;

import java.time.Instant;

/**
 * A booked record (an expense claim, a sponsorship receipt) withdrawn as a correction: it stays on
 * record with the reason, counts no more, and its ledger transaction is reversed. {@code booked}
 * turns true once the reversal is written; the sweep writes it if a crash came between.
 *
 * @param id the withdrawal's id, derived from the caller and the request's Idempotency-Key: a retry of the
 *           withdrawal (after the instance that made it died before answering) finds it and changes nothing;
 *           null on withdrawals recorded before ids were kept
 */
public record Withdrawal(String id, String reason, String withdrawnBy, Instant withdrawnAt, boolean booked) {

    public Withdrawal reversalBooked() {
        return new Withdrawal(id, reason, withdrawnBy, withdrawnAt, true);
    }

    /** Whether this is withdrawal {@code withdrawalId}, i.e. a request for it is a retry. */
    public boolean is(String withdrawalId) {
        return withdrawalId != null && withdrawalId.equals(id);
    }
}
