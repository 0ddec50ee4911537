package org.federation.finance.ledger.infrastructure;

/**
 * The points in {@link MongoJournal#finish} between its single-document writes, where another
 * finisher (a second instance's sweep, a retried posting, a balance move) may come in or the
 * instance may die. Production runs {@link #NONE}; tests inject one to choose interleavings and
 * crash points deterministically (a step may block, or throw to stop the finisher as a crash would).
 */
public interface FinishingSteps {

    enum Step {
        /** The finisher holds the transaction as it read it (pending) and is about to apply it. */
        START,
        /** About to apply the transaction's line(s) to one account. */
        APPLY,
        /** Every account is applied; about to mark the transaction done. */
        MARK_DONE
    }

    /** Called at each step; {@code accountId} is null except at {@link Step#APPLY}. */
    void reached(Step step, String transactionId, String accountId);

    FinishingSteps NONE = (step, transactionId, accountId) -> {
    };
}
