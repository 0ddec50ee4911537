package org.federation.club.registry.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.ExistingClub;
import org.federation.platform.problem.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Brings existing clubs onto the platform, one at a time or from a bulk import. */
@Service
public class ClubRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClubRegistry.class);

    private final Clubs clubs;
    private final Clock clock;
    private final ClubRules rules;

    public ClubRegistry(Clubs clubs, Clock clock, ClubRules rules) {
        this.clubs = clubs;
        this.clock = clock;
        this.rules = rules;
    }

    /** Registers an existing club under a new id; publishes {@code established}. */
    public Club registerExisting(ExistingClub existing, String actor) {
        return registerExisting(UUID.randomUUID().toString(), existing, actor);
    }

    /** Registers an existing club under a given id (demo data, migrations). */
    public Club registerExisting(String id, ExistingClub existing, String actor) {
        Club.Change change = Club.importExisting(id, existing, actor, clock.instant(), rules.leadershipTerm());
        clubs.add(change);
        log.info("Club {} '{}' entered the platform (imported by {})", id, change.club().name(), actor);
        return change.club();
    }

    public Club get(String id) {
        return clubs.find(id).orElseThrow(() -> new ResourceNotFoundException("club", id));
    }

    public Optional<Club> find(String id) {
        return clubs.find(id);
    }
}
