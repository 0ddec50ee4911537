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
import org.federation.finance.sponsorship.domain.Sponsorship;
import org.federation.finance.sponsorship.domain.Sponsorships;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
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

    /** Books money received from the sponsor; 409 if it would exceed what was promised. */
    public Sponsorship.Receipt receive(String id, long amountFen, LocalDate receivedOn, String note, String actor) {
        Sponsorship sponsorship = get(id);
        ledger.checkBookingDate(receivedOn, "receivedOn");
        sponsorship.checkReceipt(amountFen);
        String receiptId = UUID.randomUUID().toString();
        Sponsorship.Receipt receipt = new Sponsorship.Receipt(receiptId, amountFen, receivedOn, note,
                Sponsorship.Receipt.transactionIdOf(receiptId), false, actor, calendar.now());
        Transaction booking = sponsorship.bookingOf(receipt);
        ledger.check(booking);
        if (!sponsorships.addReceipt(id, receipt)) {
            throw get(id).beyondPromise(amountFen);
        }
        ledger.postChecked(booking);
        sponsorships.markBooked(id, receiptId);
        return receipt;
    }

    @Override
    public void bookUnbooked(Instant before) {
        for (Sponsorship sponsorship : sponsorships.withUnbookedReceipts(before)) {
            for (Sponsorship.Receipt receipt : sponsorship.unbooked()) {
                if (receipt.recordedAt().isBefore(before)) {
                    log.warn("Booking sponsorship receipt {} of {}, recorded but not booked", receipt.id(), sponsorship.id());
                    ledger.postChecked(sponsorship.bookingOf(receipt));
                    sponsorships.markBooked(sponsorship.id(), receipt.id());
                }
            }
        }
    }
}
