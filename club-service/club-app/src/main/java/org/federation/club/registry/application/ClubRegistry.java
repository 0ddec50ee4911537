package org.federation.club.registry.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.platform.domain.Decision;
import java.util.Optional;
import java.util.UUID;

import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.ExistingClub;
import org.federation.club.registry.domain.ReservedNames;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Brings existing clubs onto the platform, one at a time or from a bulk import. */
@Service
public class ClubRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClubRegistry.class);

    private final Clubs clubs;
    private final BusinessClock clock;
    private final ClubRules rules;
    private final ReservedNames reservedNames;

    public ClubRegistry(Clubs clubs, BusinessClock clock, ClubRules rules, ReservedNames reservedNames) {
        this.clubs = clubs;
        this.clock = clock;
        this.rules = rules;
        this.reservedNames = reservedNames;
    }

    /** Registers an existing club under a new id; publishes {@code established}. */
    public Club registerExisting(ExistingClub existing, String actor) {
        return registerExisting(UUID.randomUUID().toString(), existing, actor);
    }

    /** Registers an existing club under a given id (demo data, migrations). */
    public Club registerExisting(String id, ExistingClub existing, String actor) {
        reservedNames.holderOf(existing.name()).ifPresent(holder -> {
            throw new StateConflictException("the name '" + existing.name().strip() + "' is held by " + holder);
        });
        Decision<Club> change = Club.importExisting(id, existing, actor, clock.instant(), rules.leadershipTerm());
        clubs.add(change);
        log.info("Club {} '{}' entered the platform (imported by {})", id, change.state().name(), actor);
        return change.state();
    }

    public Club get(String id) {
        return clubs.find(id).orElseThrow(() -> new ResourceNotFoundException("club", id));
    }

    public Optional<Club> find(String id) {
        return clubs.find(id);
    }

    /** What holds this name besides a club (an open founding application), if anything. */
    public Optional<String> reservationOf(String name) {
        return reservedNames.holderOf(name);
    }
}
