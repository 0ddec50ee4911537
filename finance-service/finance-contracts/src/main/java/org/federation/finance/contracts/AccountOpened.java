package org.federation.finance.contracts;

/** {@code org.federation.finance.account-opened.v1}: an account exists and can take entries. */
public record AccountOpened(AccountSnapshot account) {
}
