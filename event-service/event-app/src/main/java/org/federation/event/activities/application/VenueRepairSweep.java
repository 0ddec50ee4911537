package org.federation.event.activities.application;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code federation.activities.venue-repair-sweep} (PT10M) releases venue bookings a crash
 * left behind, older than {@code federation.activities.venue-repair-grace} (PT5M); see
 * {@link ActivityPlanning#repairVenues}. Safe with several instances: each write is conditional.
 */
@Component
class VenueRepairSweep {

    private final ActivityPlanning planning;
    private final Clock clock;
    private final Duration grace;

    VenueRepairSweep(ActivityPlanning planning, Clock clock,
                     @Value("${federation.activities.venue-repair-grace:PT5M}") Duration grace) {
        this.planning = planning;
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${federation.activities.venue-repair-sweep:PT10M}",
            initialDelayString = "${federation.activities.venue-repair-sweep:PT10M}")
    void sweep() {
        planning.repairVenues(clock.instant(), grace);
    }
}
