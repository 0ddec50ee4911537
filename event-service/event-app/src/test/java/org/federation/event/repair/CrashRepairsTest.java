package org.federation.event.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.activities.domain.VenueSchedule;
import org.federation.event.activities.domain.VenueSchedules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The repair sweeps compare business times with business time. */
@EventServiceTest
class CrashRepairsTest extends EmbeddedBackboneProperties {

    @Autowired
    CrashRepairs repairs;
    @Autowired
    VenueSchedules venues;

    @Test
    void withBusinessTimeAheadABookingLeftByACrashIsStillReleased() {
        Duration offset = businessClock.offset();
        try {
            // business time a day ahead (the local platform): the booking is written in it, an hour before now
            Instant now = businessClock.advance(Duration.ofDays(1));
            String venue = "Hall " + UUID.randomUUID();
            Instant start = now.plus(30, ChronoUnit.DAYS);
            venues.book(venue, new VenueSchedule.Booking("crashed-" + UUID.randomUUID(), "never approved", start,
                    start.plus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.HOURS)));

            repairs.venues();

            assertThat(venues.all().stream().filter(v -> v.id().equals(VenueSchedule.keyOf(venue)))
                    .flatMap(v -> v.bookings().stream()).toList())
                    .as("an hour old in business time, past the grace: released").isEmpty();
        } finally {
            businessClock.rewindForTests(offset);
        }
    }
}
