package org.federation.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FederationCalendarTest {

    @Test
    void aMomentBeforeEightInTheMorningInBeijingIsAlreadyThatDayThereThoughStillTheDayBeforeInUtc() {
        Instant sevenInBeijing = Instant.parse("2026-12-06T23:00:00Z");

        assertThat(FederationCalendar.dayOf(sevenInBeijing)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(FederationCalendar.dayOf(Instant.parse("2026-12-06T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 12, 6));
        assertThat(FederationCalendar.dayOf(Instant.parse("2026-12-06T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void aDayStartsAtMidnightInBeijing() {
        assertThat(FederationCalendar.startOf(LocalDate.of(2026, 12, 7))).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(FederationCalendar.dayOf(FederationCalendar.startOf(LocalDate.of(2026, 12, 7))))
                .isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void aMomentInATextIsWrittenAsTheFederationsWallClockShowsIt() {
        assertThat(FederationCalendar.wallClock(Instant.parse("2026-12-05T11:00:00Z"))).isEqualTo("2026-12-05 19:00 (Beijing time)");
        assertThat(FederationCalendar.wallClock(Instant.parse("2026-12-05T16:30:59Z"))).isEqualTo("2026-12-06 00:30 (Beijing time)");
    }

    @Test
    void aSpanWritesTheEndsDateOnlyWhenItIsAnotherDayInBeijing() {
        assertThat(FederationCalendar.wallClockSpan(Instant.parse("2026-12-05T11:00:00Z"), Instant.parse("2026-12-05T13:00:00Z")))
                .isEqualTo("2026-12-05 19:00 to 21:00 (Beijing time)");
        assertThat(FederationCalendar.wallClockSpan(Instant.parse("2026-12-05T11:00:00Z"), Instant.parse("2026-12-05T17:00:00Z")))
                .as("01:00 the next morning in Beijing, still the 5th in UTC")
                .isEqualTo("2026-12-05 19:00 to 2026-12-06 01:00 (Beijing time)");
    }
}
