package org.federation.finance.ledger.application;

import org.federation.platform.domain.BusinessClock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The federation's calendar: which day it is where the federation is ({@code federation.finance.zone}). */
@Component
public class BookingCalendar {

    private final BusinessClock clock;
    private final ZoneId zone;

    /** Public so that a test can run a second "instance" of the ledger. */
    public BookingCalendar(BusinessClock clock, @Value("${federation.finance.zone:Asia/Shanghai}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public java.time.Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }
}
