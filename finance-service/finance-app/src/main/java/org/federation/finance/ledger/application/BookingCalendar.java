package org.federation.finance.ledger.application;

import java.time.LocalDate;

import org.federation.platform.domain.BusinessClock;
import org.federation.platform.domain.FederationCalendar;
import org.springframework.stereotype.Component;

/**
 * Which day it is for the books: the federation's day ({@link FederationCalendar}, Beijing time) in
 * business time. The same calendar club-service dates memberships by and event-service lists
 * activities by, so a payment and the activity it pays for fall on the same day in every service.
 */
@Component
public class BookingCalendar {

    private final BusinessClock clock;

    /** Public so that a test can run a second "instance" of the ledger. */
    public BookingCalendar(BusinessClock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return FederationCalendar.dayOf(clock.instant());
    }

    public java.time.Instant now() {
        return clock.instant();
    }
}
