package org.federation.finance.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * Membership fees were recorded as paid and booked: the payments of one batch made on one date
 * (one transaction). Key = the booking transaction's id, whose {@link TransactionPosted} comes just
 * before. Actor = who recorded them.
 *
 * @param clubId        the club whose fee it is
 * @param academicYear  e.g. {@code 2026-2027}
 * @param batchId       the batch they were recorded in (one member, or a CSV file)
 * @param transactionId the ledger transaction that booked them
 * @param paidOn        the day they were paid
 * @param payments      who paid how much
 * @param totalFen      their sum
 */
public record FeePaymentRecorded(String clubId, String academicYear, String batchId, String transactionId,
                                 LocalDate paidOn, List<Payment> payments, long totalFen) {

    /** One member's fee. */
    public record Payment(String studentNumber, long amountFen) {
    }
}
