package org.federation.notification.routing.application;

import java.time.Instant;

import org.federation.platform.domain.FederationCalendar;

/** Moments in a notice's text, as people at the federation read them (Beijing time; an event may lack one). */
final class Moments {

    private Moments() {
    }

    static String at(Instant moment) {
        return moment == null ? "(time not given)" : FederationCalendar.wallClock(moment);
    }

    static String span(Instant from, Instant to) {
        if (from == null || to == null) {
            return "from " + at(from) + " to " + at(to);
        }
        return "from " + FederationCalendar.wallClockSpan(from, to);
    }
}
