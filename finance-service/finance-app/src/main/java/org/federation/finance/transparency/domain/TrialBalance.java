package org.federation.finance.transparency.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.federation.finance.accounts.domain.AccountKinds;

/**
 * The ledger's trial balance on a date, per account kind, for anyone to check that the books
 * balance: what was debited and credited to the accounts of each kind, and their balances set out
 * in a debit and a credit column. Double entry makes the debits equal the credits, and so the debit
 * balances equal the credit balances; {@code balanced} says whether they do.
 *
 * <p>Only kinds are shown, never an account: the fund kind adds every club's account to the
 * federation's funds, so no club's balance is named here.
 *
 * @param asOf              the last booking date counted
 * @param kinds             fund, income and expense, always all three
 * @param debitsFen         everything debited, all kinds
 * @param creditsFen        everything credited, all kinds
 * @param debitBalancesFen  the debit column: accounts whose debits exceed their credits
 * @param creditBalancesFen the credit column: accounts whose credits exceed their debits
 */
public record TrialBalance(LocalDate asOf, List<KindTotals> kinds, long debitsFen, long creditsFen,
                           long debitBalancesFen, long creditBalancesFen, boolean balanced) {

    /** What was debited and credited to one account up to the date: the ledger's lines summed. */
    public record AccountTotals(String accountId, long debitsFen, long creditsFen) {
    }

    /**
     * One kind of account.
     *
     * @param normalSide       the side that increases this kind's balance ({@code debit} for funds and expenses)
     * @param accounts         how many accounts of this kind have bookings
     * @param balanceFen       the kind's balance on its normal side
     * @param debitBalanceFen  its accounts' balances in the debit column
     * @param creditBalanceFen its accounts' balances in the credit column (a fund overdrawn, an income reversed)
     */
    public record KindTotals(String kind, String normalSide, int accounts, long debitsFen, long creditsFen,
                             long balanceFen, long debitBalanceFen, long creditBalanceFen) {
    }

    private static final List<String> KINDS = List.of(AccountKinds.FUND, AccountKinds.INCOME, AccountKinds.EXPENSE);

    /** Sums the accounts' totals by kind (the kind follows from the account's id, {@link AccountKinds}). */
    public static TrialBalance of(LocalDate asOf, Collection<AccountTotals> accounts) {
        Map<String, long[]> byKind = new LinkedHashMap<>();
        KINDS.forEach(kind -> byKind.put(kind, new long[5]));
        for (AccountTotals account : accounts) {
            long[] sums = byKind.get(AccountKinds.kindOf(account.accountId()));
            long net = account.debitsFen() - account.creditsFen();
            sums[0]++;
            sums[1] += account.debitsFen();
            sums[2] += account.creditsFen();
            sums[3] += Math.max(net, 0);
            sums[4] += Math.max(-net, 0);
        }
        List<KindTotals> kinds = new ArrayList<>();
        long debits = 0;
        long credits = 0;
        long debitBalances = 0;
        long creditBalances = 0;
        for (Map.Entry<String, long[]> kind : byKind.entrySet()) {
            long[] s = kind.getValue();
            boolean debitNormal = !AccountKinds.INCOME.equals(kind.getKey());
            kinds.add(new KindTotals(kind.getKey(), debitNormal ? "debit" : "credit", (int) s[0], s[1], s[2],
                    debitNormal ? s[1] - s[2] : s[2] - s[1], s[3], s[4]));
            debits += s[1];
            credits += s[2];
            debitBalances += s[3];
            creditBalances += s[4];
        }
        return new TrialBalance(asOf, List.copyOf(kinds), debits, credits, debitBalances, creditBalances,
                debits == credits && debitBalances == creditBalances);
    }
}
