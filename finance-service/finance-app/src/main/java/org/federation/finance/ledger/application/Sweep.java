package org.federation.finance.ledger.application;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finishes, on a timer, what a crash interrupted: pending ledger transactions, and records (a
 * claim, a fee batch, a sponsorship receipt) committed but not yet booked. Every step is
 * idempotent, so several instances may sweep at once.
 */
@Component
public class Sweep {

    /** A feature's records that were committed but whose ledger transaction may be missing. */
    public interface Unbooked {
        /** Books (idempotently) whatever was committed before {@code before} and is not booked yet. */
        void bookUnbooked(java.time.Instant before);
    }

    private static final Logger log = LoggerFactory.getLogger(Sweep.class);

    private final Ledger ledger;
    private final List<Unbooked> unbooked;
    private final BookingCalendar calendar;
    private final Duration grace;

    Sweep(Ledger ledger, List<Unbooked> unbooked, BookingCalendar calendar,
          @Value("${federation.finance.sweep.grace:PT30S}") Duration grace) {
        this.ledger = ledger;
        this.unbooked = unbooked;
        this.calendar = calendar;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${federation.finance.sweep.interval:PT30S}",
            initialDelayString = "${federation.finance.sweep.interval:PT30S}")
    public void sweep() {
        sweep(calendar.now().minus(grace));
    }

    /** One sweep of everything committed or written before {@code before}. */
    public void sweep(java.time.Instant before) {
        // each step on its own: one that keeps failing must not keep the others (and the ledger's recovery) from running
        for (Unbooked records : unbooked) {
            step(org.springframework.util.ClassUtils.getUserClass(records).getSimpleName(), () -> records.bookUnbooked(before));
        }
        step("ledger recovery", () -> ledger.recover(before));
    }

    /**
     * Books one record on its own, for a feature's {@link Unbooked#bookUnbooked}: a record that keeps failing
     * is logged and tried again next sweep, and does not keep the feature's other records unbooked.
     */
    public static void oneRecord(String record, Runnable booking) {
        try {
            booking.run();
        } catch (RuntimeException e) {
            log.error("The finance sweep could not book {}; the others went on, and it is tried again next sweep", record, e);
        }
    }

    private static void step(String name, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.error("The finance sweep's step '{}' failed; the other steps went on, and it runs again next sweep", name, e);
        }
    }
}
