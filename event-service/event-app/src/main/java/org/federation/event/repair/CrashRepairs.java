package org.federation.event.repair;

import java.time.Duration;

import org.federation.event.activities.application.ActivityPlanning;
import org.federation.event.registration.application.RegistrationDesk;
import org.federation.platform.domain.BusinessClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sweeps that repair what a crash between two single-document writes left behind, safe with
 * several instances (every correction is a conditional write): free seats recounted
 * ({@link RegistrationDesk#repairSeats}, every {@code federation.activities.seat-repair-sweep},
 * PT5M, for activities quiet for {@code seat-repair-quiet}, PT2M) and venue bookings released or set
 * back ({@link ActivityPlanning#repairVenues}, every {@code venue-repair-sweep}, PT10M, for bookings
 * older than {@code venue-repair-grace}, PT5M).
 */
@Component
class CrashRepairs {

    private final RegistrationDesk desk;
    private final ActivityPlanning planning;
    /** Business time: the seat counts' and the bookings' times it compares with are written in it. */
    private final BusinessClock clock;
    private final Duration seatsQuiet;
    private final Duration venueGrace;

    CrashRepairs(RegistrationDesk desk, ActivityPlanning planning, BusinessClock clock,
                 @Value("${federation.activities.seat-repair-quiet:PT2M}") Duration seatsQuiet,
                 @Value("${federation.activities.venue-repair-grace:PT5M}") Duration venueGrace) {
        this.desk = desk;
        this.planning = planning;
        this.clock = clock;
        this.seatsQuiet = seatsQuiet;
        this.venueGrace = venueGrace;
    }

    @Scheduled(fixedDelayString = "${federation.activities.seat-repair-sweep:PT5M}",
            initialDelayString = "${federation.activities.seat-repair-sweep:PT5M}")
    void seats() {
        desk.repairSeats(clock.instant(), seatsQuiet);
    }

    @Scheduled(fixedDelayString = "${federation.activities.venue-repair-sweep:PT10M}",
            initialDelayString = "${federation.activities.venue-repair-sweep:PT10M}")
    void venues() {
        planning.repairVenues(clock.instant(), venueGrace);
    }
}
