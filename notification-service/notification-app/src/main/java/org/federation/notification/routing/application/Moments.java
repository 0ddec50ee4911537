package org.federation.notification.routing.application;

import java.time.DateTimeException;
import java.time.Instant;

import org.federation.platform.domain.FederationCalendar;

/**
 * Moments in a notice's text, as people at the federation read them (Beijing time). An event may lack
 * one; a moment beyond the calendar's years is said as sent rather than failing the event.
 */
final class Moments {

    private Moments() {
    }

    static String at(Instant moment) {
        if (moment == null) {
            return "(time not given)";
        }
        try {
            return FederationCalendar.wallClock(moment);
        } catch (DateTimeException beyondTheCalendar) {
            return moment.toString();
        }
    }

    static String span(Instant from, Instant to) {
        if (from == null || to == null) {
            return "from " + at(from) + " to " + at(to);
        }
        try {
            return "from " + FederationCalendar.wallClockSpan(from, to);
        } catch (DateTimeException beyondTheCalendar) {
            return "from " + from + " to " + to;
        }
    }
}
