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
}
