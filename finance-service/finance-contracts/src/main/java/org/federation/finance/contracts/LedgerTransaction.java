package org.federation.finance.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A ledger transaction as finance-service's events carry it: written once, never changed (a
 * mistake is corrected by a reversing transaction that points at it). Debits equal credits.
 *
 * @param id          the transaction id, also the events' key; derived from its source, so one
 *                    source is never booked twice
 * @param kind        what made it: {@code manual}, {@code fee-payment}, {@code expense-claim},
 *                    {@code sponsorship-receipt}, {@code settlement}, {@code merger}, {@code residual},
 *                    {@code reversal}
 * @param category    for statements and charts, e.g. {@code membership-fees}, {@code sponsorship}
 * @param description why, in words
 * @param sourceKind  the kind of record it books ({@code fee-batch}, {@code expense-claim},
 *                    {@code sponsorship}, {@code transaction}, …), or null for a manual posting
 * @param sourceId    that record's id, or null
 * @param activityId  the activity it concerns (expenses), or null
 * @param bookedOn    the date the money moved (statements are by this date)
 * @param postedAt    when it was written
 * @param totalFen    the sum of its debits (= of its credits), in fen
 * @param lines       at least two
 * @param reverses    the transaction this one reverses, or null
 */
public record LedgerTransaction(String id, String kind, String category, String description, String sourceKind,
                                String sourceId, String activityId, LocalDate bookedOn, Instant postedAt, long totalFen,
                                List<LedgerLine> lines, String reverses) {

    /**
     * One line: an amount debited or credited to one account.
     *
     * @param side {@code debit} or {@code credit}
     * @param memo what the line is about (e.g. the member whose fee it is), or null
     */
    public record LedgerLine(String accountId, String side, long amountFen, String memo) {
    }
}
