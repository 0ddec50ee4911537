package org.federation.finance.contracts;

/** The {@code ce_type} values finance-service publishes on {@link FinanceTopics#FINANCE_EVENTS}. */
public final class FinanceEventTypes {

    /** An account was opened, for a club or for the federation. Payload: {@link AccountOpened}. */
    public static final String ACCOUNT_OPENED = "org.federation.finance.account-opened.v1";

    private FinanceEventTypes() {
    }
}
