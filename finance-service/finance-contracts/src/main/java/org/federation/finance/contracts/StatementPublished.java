package org.federation.finance.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.federation.finance.statement-published.v1}: a fee statement was published and can no
 * longer change. notification-service delivers it to the club's leaders and treasurer (or, for a
 * federation account, to everyone who follows the federation's finances). Keyed by the statement id.
 *
 * @param statementId  {@code stmt-<accountId>-<period>}
 * @param accountId    the account it is about
 * @param clubId       the club owning the account, or null for a federation account
 * @param accountName  the account's readable name
 * @param period       {@code 2026-10} (a month) or {@code 2026-autumn} / {@code 2027-spring} (a semester)
 * @param periodKind   {@code month} or {@code semester}
 * @param from         first day of the period
 * @param to           first day after the period
 * @param openingFen   balance at the start (the previous statement's closing)
 * @param incomeFen    what came in during the period
 * @param spendingFen  what went out during the period
 * @param closingFen   balance at the end: opening + income - spending
 * @param entryCount   how many ledger entries it lists
 * @param hash         SHA-256 of its content, which includes {@code previousHash}
 * @param previousHash the previous statement's hash in this account's chain, or null for the first
 * @param publishedAt  when it was published
 */
public record StatementPublished(String statementId, String accountId, String clubId, String accountName, String period,
                                 String periodKind, LocalDate from, LocalDate to, long openingFen, long incomeFen,
                                 long spendingFen, long closingFen, int entryCount, String hash, String previousHash,
                                 Instant publishedAt) {
}
