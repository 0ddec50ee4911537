package org.federation.club.recruitment.domain;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.federation.platform.paging.PageOf;

/** Where open leader positions are kept; posting and closing also queue their events. */
public interface LeaderPositions {

    void add(LeaderPosition position);

    LeaderPosition change(String id, UnaryOperator<LeaderPosition> change);

    Optional<LeaderPosition> find(String id);

    /** Newest first, optionally of one club and/or in one state. */
    PageOf<LeaderPosition> list(String clubId, LeaderPosition.State state, int page, int size);
}
