package org.federation.platform.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The federation's calendar: the day a moment falls on where the federation is (Beijing time,
 * {@code Asia/Shanghai}). A member who joins at 07:00 in Beijing joined that day, not the day before
 * as the UTC date would say; a cool-down of 90 days ends on a Beijing date. Every date the domain
 * derives from a moment (join dates, founding dates, terms, cool-downs, academic years) goes
 * through here, so club-service agrees with event-service's calendar and finance-service's booking
 * days (both {@code Asia/Shanghai} by default).
 */
public final class FederationCalendar {

    /** Where the federation is. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private FederationCalendar() {
    }

    /** The federation's date at {@code moment}. */
    public static LocalDate dayOf(Instant moment) {
        return LocalDate.ofInstant(moment, ZONE);
    }

    /** The first moment of {@code day} in the federation (midnight in Beijing). */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }
}
