package org.federation.finance.accounts.domain;

import java.util.List;

/**
 * The federation's chart of accounts. Every account's kind follows from its id, so a posting
 * never needs to look an account up to know which way a line moves its balance.
 *
 * <ul>
 * <li>fund accounts (debit-normal, the money a club or the federation holds): a club's
 * {@code acct-<clubId>}, {@code federation-general}, {@code federation-sponsorship} and one
 * {@code federation-budget-<department>} per department;</li>
 * <li>income accounts (credit-normal, where money comes from): {@code federation-income-*};</li>
 * <li>expense accounts (debit-normal, where money goes): {@code federation-expense-*}.</li>
 * </ul>
 * The sum of the debit-normal balances always equals the sum of the credit-normal ones.
 */
public final class AccountKinds {

    public static final String FUND = "fund";
    public static final String INCOME = "income";
    public static final String EXPENSE = "expense";

    public static final String GENERAL_FUND = "federation-general";
    public static final String SPONSORSHIP_FUND = "federation-sponsorship";
    public static final String FEE_INCOME = "federation-income-fees";
    public static final String SPONSORSHIP_INCOME = "federation-income-sponsorship";
    public static final String OTHER_INCOME = "federation-income-other";
    public static final String ACTIVITY_EXPENSES = "federation-expense-activities";
    public static final String OTHER_EXPENSES = "federation-expense-other";

    /** The federation's departments, each with a budget account. */
    public static final List<String> DEPARTMENTS =
            List.of("organization", "finance", "evaluation", "publicity", "external-relations", "office");

    private AccountKinds() {
    }

    public static String departmentBudget(String department) {
        return "federation-budget-" + department;
    }

    /** Every federation account with its readable name, opened when finance-service starts. */
    public static List<String[]> federationAccounts() {
        List<String[]> accounts = new java.util.ArrayList<>(List.of(
                new String[]{GENERAL_FUND, "General fund (总经费)"},
                new String[]{SPONSORSHIP_FUND, "Sponsorship fund (外联经费)"},
                new String[]{FEE_INCOME, "Income: membership fees (会费)"},
                new String[]{SPONSORSHIP_INCOME, "Income: sponsorship"},
                new String[]{OTHER_INCOME, "Income: grants and other"},
                new String[]{ACTIVITY_EXPENSES, "Expenses: activities"},
                new String[]{OTHER_EXPENSES, "Expenses: other"}));
        for (String department : DEPARTMENTS) {
            accounts.add(new String[]{departmentBudget(department), "Budget of the " + department + " department"});
        }
        return accounts;
    }

    public static String kindOf(String accountId) {
        if (accountId.startsWith("federation-income-")) {
            return INCOME;
        }
        if (accountId.startsWith("federation-expense-")) {
            return EXPENSE;
        }
        return FUND;
    }

    public static boolean isDebitNormal(String accountId) {
        return !INCOME.equals(kindOf(accountId));
    }

    public static boolean isFederation(String accountId) {
        return accountId.startsWith("federation-");
    }
}
