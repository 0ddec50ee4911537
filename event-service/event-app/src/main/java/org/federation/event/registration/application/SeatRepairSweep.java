package org.federation.event.registration.application;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recounts free seats every {@code federation.activities.seat-repair-sweep} (PT5M), for activities
 * quiet for {@code federation.activities.seat-repair-quiet} (PT2M); safe with several instances
 * (every correction is a compare-and-set on the counter).
 */
@Component
class SeatRepairSweep {

    private final RegistrationDesk desk;
    private final Clock clock;
    private final Duration quiet;

    SeatRepairSweep(RegistrationDesk desk, Clock clock,
                    @Value("${federation.activities.seat-repair-quiet:PT2M}") Duration quiet) {
        this.desk = desk;
        this.clock = clock;
        this.quiet = quiet;
    }

    @Scheduled(fixedDelayString = "${federation.activities.seat-repair-sweep:PT5M}",
            initialDelayString = "${federation.activities.seat-repair-sweep:PT5M}")
    void sweep() {
        desk.repairSeats(clock.instant(), quiet);
    }
}
