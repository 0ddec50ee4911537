package org.federation.event.checkin;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.federation.event.checkin.domain.CheckInWindow;
import org.federation.platform.problem.StateConflictException;
import org.junit.jupiter.api.Test;

/** Issue 24, point 9: check-in opens an hour (by default) before the start, not days before. */
class CheckInWindowTest {

    private static final Instant START = Instant.parse("2027-05-01T10:00:00Z");
    private static final Instant END = START.plus(Duration.ofHours(3));
    private final CheckInWindow window = new CheckInWindow(CheckInWindow.DEFAULT_OPENS_BEFORE, Duration.ofHours(12));

    @Test
    void eightDaysBeforeTheStartIsRefusedNamingWhenItOpens() {
        assertThatThrownBy(() -> window.requireOpen("a1", START, END, START.minus(Duration.ofDays(8))))
                .isInstanceOf(StateConflictException.class)
                .hasMessage("check-in for activity a1 opens at 2027-05-01T09:00:00Z, 1h before it starts at 2027-05-01T10:00:00Z");
        assertThatThrownBy(() -> window.requireOpen("a1", START, END, START.minusSeconds(3601)))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void opensAnHourBeforeAndClosesTwelveHoursAfterTheEnd() {
        assertThatCode(() -> window.requireOpen("a1", START, END, START.minusSeconds(3600))).doesNotThrowAnyException();
        assertThatCode(() -> window.requireOpen("a1", START, END, END.plus(Duration.ofHours(12)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> window.requireOpen("a1", START, END, END.plus(Duration.ofHours(12)).plusSeconds(1)))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("check-in is closed");
    }
}
