package org.federation.club.league.domain;

import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;

/** Where youth-league branches are kept, one per club; each change is stored with its event. */
public interface LeagueBranches {

    /** @throws org.federation.platform.problem.StateConflictException if the club has a branch */
    void add(Decision<LeagueBranch> established);

    /** @throws org.federation.platform.problem.ResourceNotFoundException if the club has none */
    LeagueBranch change(String clubId, Function<LeagueBranch, Decision<LeagueBranch>> decision);

    Optional<LeagueBranch> find(String clubId);
}
