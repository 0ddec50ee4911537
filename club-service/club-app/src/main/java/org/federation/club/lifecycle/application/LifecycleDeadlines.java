package org.federation.club.lifecycle.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.platform.domain.Decision;
import java.time.Instant;
import java.util.List;

import org.federation.club.registration.application.AnnualRegistrations;
import org.federation.club.registry.application.ClubRules;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes skipped steps visible without anyone asking: on a timer, clubs that missed a registration
 * deadline become unregistered and terms that ended without a confirmed handover are flagged,
 * each with its event; a dissolution whose settlement has not come within its deadline is
 * requested from finance-service again (the dissolution saga cannot get stuck on a lost event).
 * Every instance may run it: each change is a version-checked write that decides on the fresh
 * state, so a second instance finds the deadline no longer passed and does nothing.
 */
@Component
public class LifecycleDeadlines {

    private static final Logger log = LoggerFactory.getLogger(LifecycleDeadlines.class);

    private final AnnualRegistrations registrations;
    private final Clubs clubs;
    private final BusinessClock clock;
    private final ClubRules rules;

    LifecycleDeadlines(AnnualRegistrations registrations, Clubs clubs, BusinessClock clock, ClubRules rules) {
        this.registrations = registrations;
        this.clubs = clubs;
        this.clock = clock;
        this.rules = rules;
    }

    /** On the timer, and at once when business time was moved (the local platform). */
    @Scheduled(fixedDelayString = "${federation.clubs.deadline-sweep:PT1M}", initialDelayString = "${federation.clubs.deadline-sweep:PT1M}")
    @EventListener(BusinessClock.Moved.class)
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
        for (String clubId : clubs.idsInStates(List.of(ClubState.DISSOLVING))) {
            Decision<Club> change = clubs.change(clubId,
                    club -> club.requestSettlementAgainIfOverdue(now, rules.settlementDeadline()));
            if (!change.events().isEmpty()) {
                changed++;
                log.warn("Club {} '{}': no settlement from finance-service since {}; dissolution requested again ({} requests)",
                        clubId, change.state().name(), change.state().dissolutionRequestedAt(),
                        change.state().settlementRequests());
            }
        }
        return changed;
    }
}
