package org.federation.platform.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The federation's calendar: the day a moment falls on where the federation is (Beijing time,
 * {@code Asia/Shanghai}). A member who joins at 07:00 in Beijing joined that day, not the day before
 * as the UTC date would say; a cool-down of 90 days ends on a Beijing date. Every date the domain
 * derives from a moment (join dates, founding dates, terms, cool-downs, academic years) goes
 * through here, and so do event-service's public calendar and prints and finance-service's booking
 * days: every service counts the same days. Not a setting: the federation does not move, and a
 * per-service setting could only make two services disagree on what day it is.
 */
public final class FederationCalendar {

    /** Where the federation is. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm").withZone(ZONE);

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

    /**
     * A moment as people at the federation read it, for texts (notices, e-mails):
     * {@code 2026-12-05 19:00 (Beijing time)}, not {@code 2026-12-05T11:00:00Z}.
     */
    public static String wallClock(Instant moment) {
        return WALL_CLOCK.format(moment) + " (Beijing time)";
    }

    /**
     * From one moment to another as people read it: {@code 2026-12-05 19:00 to 21:00 (Beijing time)}, the
     * end's date written only when it is another day.
     */
    public static String wallClockSpan(Instant from, Instant to) {
        String end = dayOf(from).equals(dayOf(to)) ? TIME_OF_DAY.format(to) : WALL_CLOCK.format(to);
        return WALL_CLOCK.format(from) + " to " + end + " (Beijing time)";
    }
}
