package org.federation.club.lifecycle.application;

import org.federation.platform.domain.Decision;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.federation.club.registration.application.AnnualRegistrations;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes skipped steps visible without anyone asking: on a timer, clubs that missed a registration
 * deadline become unregistered and terms that ended without a confirmed handover are flagged,
 * each with its event. Every instance may run it; the club's state makes a repeat a no-op.
 */
@Component
public class LifecycleDeadlines {

    private static final Logger log = LoggerFactory.getLogger(LifecycleDeadlines.class);

    private final AnnualRegistrations registrations;
    private final Clubs clubs;
    private final Clock clock;

    LifecycleDeadlines(AnnualRegistrations registrations, Clubs clubs, Clock clock) {
        this.registrations = registrations;
        this.clubs = clubs;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${federation.clubs.deadline-sweep:PT1M}", initialDelayString = "${federation.clubs.deadline-sweep:PT1M}")
    void onTimer() {
        try {
            sweep(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Deadline sweep failed; it runs again at the next tick", e);
        }
    }

    /** Applies every deadline that has passed by {@code now}; returns how many clubs changed. */
    public int sweep(Instant now) {
        int changed = registrations.markMissed(now);
        for (String clubId : clubs.idsInStates(List.of(ClubState.ACTIVE, ClubState.UNREGISTERED))) {
            Decision<Club> change = clubs.change(clubId, club -> club.flagHandoverIfOverdue(now));
            if (!change.events().isEmpty()) {
                changed++;
                log.warn("Club {} '{}': handover overdue, the term ended on {}", clubId, change.state().name(),
                        change.state().leadership().termEndsOn());
            }
        }
        return changed;
    }
}
