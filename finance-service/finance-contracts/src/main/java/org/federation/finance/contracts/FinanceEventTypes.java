package org.federation.finance.contracts;

/** The {@code ce_type} values finance-service publishes on {@link FinanceTopics#FINANCE_EVENTS}. */
public final class FinanceEventTypes {

    /** An account was opened, for a club or for the federation. Payload: {@link AccountOpened}. */
    public static final String ACCOUNT_OPENED = "org.federation.finance.account-opened.v1";

    /**
     * A dissolving club's account was settled and closed: the step of the dissolution saga that
     * lets club-service dissolve the club. Payload: {@link AccountSettled}.
     */
    public static final String ACCOUNT_SETTLED = "org.federation.finance.account-settled.v1";

    private FinanceEventTypes() {
    }
}
