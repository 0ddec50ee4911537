package org.federation.finance.ledger.domain;

import org.federation.finance.accounts.domain.AccountKinds;

/**
 * One line of a transaction: an amount in fen debited or credited to one account.
 *
 * @param accountId the account
 * @param side      {@code debit} or {@code credit}
 * @param amountFen a positive amount in fen (1/100 yuan), never a fraction
 * @param memo      what this line is about (e.g. the member whose fee it is), or null
 */
public record Line(String accountId, String side, long amountFen, String memo) {

    public static final String DEBIT = "debit";
    public static final String CREDIT = "credit";

    public static Line debit(String accountId, long amountFen, String memo) {
        return new Line(accountId, DEBIT, amountFen, memo);
    }

    public static Line credit(String accountId, long amountFen, String memo) {
        return new Line(accountId, CREDIT, amountFen, memo);
    }

    public boolean isDebit() {
        return DEBIT.equals(side);
    }

    /** The same amount on the other side: how a reversal undoes this line. */
    public Line swapped() {
        return new Line(accountId, isDebit() ? CREDIT : DEBIT, amountFen, memo);
    }

    /** How this line changes its account's balance, which is kept on the account's normal side. */
    public long balanceDeltaFen() {
        boolean increases = isDebit() == AccountKinds.isDebitNormal(accountId);
        return increases ? amountFen : -amountFen;
    }
}
