package org.federation.finance.sponsorship.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.federation.finance.accounts.domain.Account;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.ledger.application.BookingCalendar;
import org.federation.finance.ledger.application.Ledger;
import org.federation.finance.ledger.application.Sweep;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.finance.ledger.domain.Withdrawal;
import org.federation.finance.sponsorship.domain.Sponsorship;
import org.federation.finance.sponsorship.domain.Sponsorships;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Sponsorship agreements and the money received under them, booked into the beneficiary's fund. */
@Service
public class SponsorshipDesk implements Sweep.Unbooked {

    private static final Logger log = LoggerFactory.getLogger(SponsorshipDesk.class);

    private final Sponsorships sponsorships;
    private final Accounts accounts;
    private final Ledger ledger;
    private final BookingCalendar calendar;

    SponsorshipDesk(Sponsorships sponsorships, Accounts accounts, Ledger ledger, BookingCalendar calendar) {
        this.sponsorships = sponsorships;
        this.accounts = accounts;
        this.ledger = ledger;
        this.calendar = calendar;
    }

    public Sponsorship record(String sponsor, String agreement, String purpose, String clubId, long promisedFen,
                              LocalDate signedOn, String actor) {
        ledger.checkBookingDate(signedOn, "signedOn");
        Sponsorship sponsorship = Sponsorship.signed("sponsorship-" + UUID.randomUUID(), sponsor, agreement, purpose,
                clubId, promisedFen, signedOn, actor, calendar.now());
        Account account = accounts.find(sponsorship.accountId()).orElseThrow(() -> new RuleViolationException("clubId",
                "club " + clubId + " has no account in finance-service"));
        if (!account.isOpen()) {
            throw new IllegalTransitionException("a sponsorship for account " + account.id(), account.state(),
                    java.util.List.of());
        }
        sponsorships.insert(sponsorship);
        return sponsorship;
    }

    public Sponsorship get(String id) {
        return sponsorships.find(id).orElseThrow(() -> new ResourceNotFoundException("sponsorship", id));
    }

    /**
     * Books money received from the sponsor as receipt {@code receiptId} (derived from the request's
     * Idempotency-Key: asking again returns the receipt, booked once); 409 if it would exceed what was promised.
     */
    public Sponsorship.Receipt receive(String id, long amountFen, LocalDate receivedOn, String note, String actor,
                                       String receiptId) {
        Sponsorship sponsorship = get(id);
        Sponsorship.Receipt earlier = sponsorship.receipts().stream().filter(r -> r.id().equals(receiptId)).findFirst()
                .orElse(null);
        if (earlier != null) {
            // a retry whose first attempt got this far: the same receipt, booked once
            if (!earlier.booked()) {
                ledger.postChecked(sponsorship.bookingOf(earlier), sponsorship.receiptRecorded(earlier));
                sponsorships.markBooked(id, receiptId);
            }
            return get(id).receipt(receiptId);
        }
        ledger.checkBookingDate(receivedOn, "receivedOn");
        sponsorship.checkReceipt(amountFen);
        Sponsorship.Receipt receipt = new Sponsorship.Receipt(receiptId, amountFen, receivedOn, note,
                Sponsorship.Receipt.transactionIdOf(receiptId), false, actor, calendar.now(), null);
        Transaction booking = sponsorship.bookingOf(receipt);
        ledger.check(booking);
        if (!sponsorships.addReceipt(id, receipt)) {
            throw get(id).beyondPromise(amountFen);
        }
        ledger.postChecked(booking, sponsorship.receiptRecorded(receipt));
        sponsorships.markBooked(id, receiptId);
        return receipt;
    }

    /**
     * Withdraws a booked receipt as a correction: recorded on the sponsorship first (its amount no
     * longer counts as received), then its ledger transaction is reversed; the sweep writes the
     * reversal if a crash comes between. 404 for an unknown receipt, 409 if withdrawn already by another
     * request. {@code withdrawalId} is derived from the request's Idempotency-Key: a retry of the same
     * withdrawal (its first attempt died before answering) answers with it again, reversing the booking
     * if that attempt got no further: once.
     */
    public Sponsorship.Receipt withdraw(String id, String receiptId, String reason, String actor, String withdrawalId) {
        Sponsorship sponsorship = get(id);
        Sponsorship.Receipt earlier = sponsorship.receipt(receiptId);
        if (earlier.withdrawn() && earlier.withdrawal().is(withdrawalId)) {
            return finishWithdrawal(sponsorship, earlier);
        }
        Sponsorship.Receipt receipt = sponsorship.withdrawable(receiptId);
        // refused with nothing recorded if the ledger could not reverse it (an account it touched closed)
        ledger.checkReversal(sponsorship.bookingOf(receipt), reason, actor);
        if (!sponsorships.withdraw(id, receipt, new Withdrawal(withdrawalId, reason, actor, calendar.now(), false))) {
            Sponsorship now = get(id);
            if (now.receipt(receiptId).withdrawn() && now.receipt(receiptId).withdrawal().is(withdrawalId)) {
                return finishWithdrawal(now, now.receipt(receiptId)); // this very withdrawal, by a retry meanwhile
            }
            now.withdrawable(receiptId); // withdrawn meanwhile: say so
            throw new StateConflictException("receipt " + receiptId + " changed while it was being withdrawn; try again");
        }
        bookWithdrawal(get(id), receiptId);
        return get(id).receipt(receiptId);
    }

    private Sponsorship.Receipt finishWithdrawal(Sponsorship sponsorship, Sponsorship.Receipt withdrawn) {
        if (!withdrawn.withdrawal().booked()) {
            bookWithdrawal(sponsorship, withdrawn.id());
        }
        return get(sponsorship.id()).receipt(withdrawn.id());
    }

    private void bookWithdrawal(Sponsorship sponsorship, String receiptId) {
        Sponsorship.Receipt receipt = sponsorship.receipt(receiptId);
        ledger.reverseAtSource(receipt.transactionId(), "sponsorship receipt withdrawn: " + receipt.withdrawal().reason(),
                receipt.withdrawal().withdrawnBy());
        sponsorships.markWithdrawalBooked(sponsorship.id(), receiptId);
    }

    @Override
    public void bookUnbooked(Instant before) {
        for (Sponsorship sponsorship : sponsorships.withUnbookedReceipts(before)) {
            for (Sponsorship.Receipt receipt : sponsorship.unbooked()) {
                if (receipt.recordedAt().isBefore(before)) {
                    Sweep.oneRecord("sponsorship receipt " + receipt.id() + " of " + sponsorship.id(), () -> {
                        log.warn("Booking sponsorship receipt {} of {}, recorded but not booked", receipt.id(), sponsorship.id());
                        ledger.postChecked(sponsorship.bookingOf(receipt), sponsorship.receiptRecorded(receipt));
                        sponsorships.markBooked(sponsorship.id(), receipt.id());
                    });
                }
            }
        }
        for (Sponsorship sponsorship : sponsorships.withUnbookedWithdrawals(before)) {
            for (Sponsorship.Receipt receipt : sponsorship.unbookedWithdrawals()) {
                Sweep.oneRecord("the withdrawal of sponsorship receipt " + receipt.id() + " of " + sponsorship.id(), () -> {
                    log.warn("Reversing withdrawn sponsorship receipt {} of {} (an interrupted withdrawal)", receipt.id(),
                            sponsorship.id());
                    bookWithdrawal(sponsorship, receipt.id());
                });
            }
        }
    }
}
