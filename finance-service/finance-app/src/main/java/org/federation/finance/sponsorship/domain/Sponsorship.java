package org.federation.finance.sponsorship.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.finance.contracts.SponsorshipReceiptRecorded;
import org.federation.finance.accounts.domain.AccountKinds;
import org.federation.finance.ledger.domain.Line;
import org.federation.finance.ledger.domain.Withdrawal;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.problem.StateConflictException;

/**
 * A sponsorship (外联经费): who sponsors, under which agreement, what it funds, how much was
 * promised and how much has been received. Money received is booked into the beneficiary's fund
 * (a club's account, or the federation's sponsorship fund); the received total lives in this one
 * document and a receipt passes only by a conditional update, so it never exceeds the promise.
 *
 * @param accountId the fund that receives the money
 */
public record Sponsorship(String id, String sponsor, String agreement, String purpose, String clubId, String accountId,
                          long promisedFen, long receivedFen, LocalDate signedOn, String recordedBy, Instant recordedAt,
                          List<Receipt> receipts) {

    /**
     * Money received from the sponsor, booked by {@code transactionId}; withdrawn (a correction: a
     * wrong amount, money returned) it stays on record and counts no more.
     */
    public record Receipt(String id, long amountFen, LocalDate receivedOn, String note, String transactionId,
                          boolean booked, String recordedBy, Instant recordedAt, Withdrawal withdrawal) {

        public static String transactionIdOf(String receiptId) {
            return "sponsorship-" + receiptId;
        }

        public boolean withdrawn() {
            return withdrawal != null;
        }
    }

    public static Sponsorship signed(String id, String sponsor, String agreement, String purpose, String clubId,
                                     long promisedFen, LocalDate signedOn, String actor, Instant now) {
        String account = clubId == null ? AccountKinds.SPONSORSHIP_FUND : "acct-" + clubId;
        return new Sponsorship(id, sponsor, agreement, purpose, clubId, account, promisedFen, 0, signedOn, actor, now,
                List.of());
    }

    public long outstandingFen() {
        return promisedFen - receivedFen;
    }

    /** Checks a receipt against the promise as last read; the store repeats the check in its conditional update. */
    public void checkReceipt(long amountFen) {
        if (amountFen > outstandingFen()) {
            throw beyondPromise(amountFen);
        }
    }

    public StateConflictException beyondPromise(long amountFen) {
        return new StateConflictException("receiving " + amountFen + " fen would exceed what " + sponsor
                + " promised: " + outstandingFen() + " of " + promisedFen + " fen are outstanding");
    }

    /** The receipt's ledger transaction: the money into the beneficiary's fund, from sponsorship income. */
    public Transaction bookingOf(Receipt receipt) {
        return Transaction.create(receipt.transactionId(), Transaction.SPONSORSHIP_RECEIPT, "sponsorship",
                "Sponsorship from " + sponsor + " (" + agreement + "): " + purpose, receipt.recordedBy(),
                new Transaction.Source("sponsorship", id, null), receipt.receivedOn(), receipt.recordedAt(),
                List.of(Line.debit(accountId, receipt.amountFen(), receipt.note()),
                        Line.credit(AccountKinds.SPONSORSHIP_INCOME, receipt.amountFen(), sponsor)), null);
    }

    /**
     * A receipt as the fact others hear of ({@code sponsorship-receipt-recorded}, by whoever recorded
     * it), stored with its booking.
     */
    public DomainEvent receiptRecorded(Receipt receipt) {
        return new DomainEvent(FinanceEventTypes.SPONSORSHIP_RECEIPT_RECORDED, receipt.recordedBy(),
                new SponsorshipReceiptRecorded(id, sponsor, clubId, accountId, receipt.id(), receipt.transactionId(),
                        receipt.amountFen(), receipt.receivedOn(), promisedFen));
    }

    public List<Receipt> unbooked() {
        return receipts.stream().filter(r -> !r.booked()).toList();
    }

    public Receipt receipt(String receiptId) {
        return receipts.stream().filter(r -> r.id().equals(receiptId)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("receipt of sponsorship " + id, receiptId));
    }

    /** Checks that a receipt may be withdrawn: booked and not withdrawn already (409 otherwise). */
    public Receipt withdrawable(String receiptId) {
        Receipt receipt = receipt(receiptId);
        if (receipt.withdrawn()) {
            throw new StateConflictException("receipt " + receiptId + " was already withdrawn on "
                    + receipt.withdrawal().withdrawnAt() + " by " + receipt.withdrawal().withdrawnBy() + ": "
                    + receipt.withdrawal().reason());
        }
        if (!receipt.booked()) {
            throw new StateConflictException("receipt " + receiptId + " is still being booked; withdraw it in a moment");
        }
        return receipt;
    }

    public List<Receipt> unbookedWithdrawals() {
        return receipts.stream().filter(r -> r.withdrawn() && !r.withdrawal().booked()).toList();
    }
}
