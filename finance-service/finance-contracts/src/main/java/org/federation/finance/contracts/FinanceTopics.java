package org.federation.finance.contracts;

/** Where finance-service publishes. */
public final class FinanceTopics {

    /** Accounts, budget decisions, spending and statements. Key = account id. */
    public static final String FINANCE_EVENTS = "finance.events";

    private FinanceTopics() {
    }
}
