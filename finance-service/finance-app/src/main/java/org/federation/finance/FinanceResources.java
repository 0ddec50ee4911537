package org.federation.finance;

/**
 * The kinds of finance-service's resources, as the remit table ({@code docs/security.md},
 * {@link org.federation.platform.security.Remit}) names them: which department reads which.
 */
public final class FinanceResources {

    /** Accounts and their transactions: Finance. */
    public static final String LEDGER = "ledger";
    /** Activity budgets and their claims: Finance. */
    public static final String BUDGETS = "budgets";
    /** Membership fees: Finance. */
    public static final String FEES = "fees";
    /** Fee statements: Finance. */
    public static final String STATEMENTS = "statements";
    /** Sponsorships: Finance, External Relations. */
    public static final String SPONSORSHIPS = "sponsorships";
    /** Clubs' leaders and members as finance-service knows them: Organization. */
    public static final String MEMBERS = "members";

    private FinanceResources() {
    }
}
