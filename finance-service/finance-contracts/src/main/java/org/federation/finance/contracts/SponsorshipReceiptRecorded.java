package org.federation.finance.contracts;

import java.time.LocalDate;

/**
 * Money promised by a sponsor was received and booked into the beneficiary's fund. Key = the
 * booking transaction's id, whose {@link TransactionPosted} comes just before. Actor = who recorded it.
 *
 * @param sponsorshipId the sponsorship (agreement) it is paid under
 * @param sponsor       who paid
 * @param clubId        the club it funds, or null for the federation's sponsorship fund
 * @param accountId     the fund that received it
 * @param receiptId     the receipt
 * @param transactionId the ledger transaction that booked it
 * @param amountFen     how much
 * @param receivedOn    the day it arrived
 * @param promisedFen   what the sponsor promised in all
 */
public record SponsorshipReceiptRecorded(String sponsorshipId, String sponsor, String clubId, String accountId,
                                         String receiptId, String transactionId, long amountFen, LocalDate receivedOn,
                                         long promisedFen) {
}
