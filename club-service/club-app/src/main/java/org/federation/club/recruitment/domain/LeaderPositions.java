package org.federation.club.recruitment.domain;

import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/** Where open leader positions are kept; posting and closing also queue their events. */
public interface LeaderPositions {

    void add(Decision<LeaderPosition> posted);

    /** Applies a decision to the position and stores it with its events; a 404 if there is none. */
    LeaderPosition change(String id, Function<LeaderPosition, Decision<LeaderPosition>> decision);

    Optional<LeaderPosition> find(String id);

    /** Newest first, optionally of one club and/or in one state. */
    PageOf<LeaderPosition> list(String clubId, LeaderPosition.State state, int page, int size);
}
