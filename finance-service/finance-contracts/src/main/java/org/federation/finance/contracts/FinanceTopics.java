package org.federation.finance.contracts;

/** Where finance-service publishes. */
public final class FinanceTopics {

    /** Accounts (key = account id), budget decisions and spending (key = activity id) and statements (key = statement id). */
    public static final String FINANCE_EVENTS = "finance.events";

    private FinanceTopics() {
    }
}
