package org.federation.club.league.domain;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where youth-league branches are kept, one per club; each change is stored with its event. */
public interface LeagueBranches {

    /** @throws org.federation.platform.problem.StateConflictException if the club has a branch */
    void add(LeagueBranch branch, String actor);

    /** @throws org.federation.platform.problem.ResourceNotFoundException if the club has none */
    LeagueBranch change(String clubId, UnaryOperator<LeagueBranch> change, String actor, String what);

    Optional<LeagueBranch> find(String clubId);
}
