package org.federation.finance.contracts;

/** The {@code ce_type} values finance-service publishes on {@link FinanceTopics#FINANCE_EVENTS}. */
public final class FinanceEventTypes {

    /** An account was opened, for a club or for the federation. Key = account id. Payload: {@link AccountOpened}. */
    public static final String ACCOUNT_OPENED = "org.federation.finance.account-opened.v1";

    /**
     * A dissolving club's account was settled (its balance moved to the general fund by a ledger
     * transaction) and closed: the step of the dissolution saga that lets club-service dissolve
     * the club. Key = account id. Payload: {@link AccountSettled}.
     */
    public static final String ACCOUNT_SETTLED = "org.federation.finance.account-settled.v1";

    /**
     * A merged-away club's balance moved to its successor and its account was closed. Key =
     * account id. Payload: {@link AccountMerged}.
     */
    public static final String ACCOUNT_MERGED = "org.federation.finance.account-merged.v1";

    /** The Finance Department decided a budget request. Key = activity id. Payload: {@link BudgetDecided}. */
    public static final String BUDGET_DECIDED = "org.federation.finance.budget-decided.v1";

    /**
     * An expense claim was booked against an activity's budget, or withdrawn (a correction).
     * Key = activity id. Payload: {@link ActivitySpendingChanged}.
     */
    public static final String ACTIVITY_SPENDING_CHANGED = "org.federation.finance.activity-spending-changed.v1";

    /**
     * An activity's budget was closed: what remained of it is released (the activity ended and its
     * claim window passed, it was cancelled, or the Finance Department closed it). No claim is
     * accepted after. Key = activity id. Payload: {@link BudgetClosed}.
     */
    public static final String BUDGET_CLOSED = "org.federation.finance.budget-closed.v1";

    /** A statement was published. Key = statement id. Payload: {@link StatementPublished}. */
    public static final String STATEMENT_PUBLISHED = "org.federation.finance.statement-published.v1";

    /**
     * A transaction was posted to the ledger (manual, fees, expense claims, sponsorship, settlements,
     * mergers; not a reversal). Key = transaction id. Payload: {@link TransactionPosted}.
     */
    public static final String TRANSACTION_POSTED = "org.federation.finance.transaction-posted.v1";

    /**
     * A transaction was reversed by a reversing transaction. Key = the reversal's id. Payload:
     * {@link TransactionReversed}.
     */
    public static final String TRANSACTION_REVERSED = "org.federation.finance.transaction-reversed.v1";

    /**
     * Membership fees paid on one date were recorded and booked. Key = the booking transaction's id.
     * Payload: {@link FeePaymentRecorded}.
     */
    public static final String FEE_PAYMENT_RECORDED = "org.federation.finance.fee-payment-recorded.v1";

    /**
     * Money from a sponsor was received and booked. Key = the booking transaction's id. Payload:
     * {@link SponsorshipReceiptRecorded}.
     */
    public static final String SPONSORSHIP_RECEIPT_RECORDED = "org.federation.finance.sponsorship-receipt-recorded.v1";

    private FinanceEventTypes() {
    }
}
