package org.federation.club.merger.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where mergers are kept. */
public interface Mergers {

    void add(Merger merger);

    /**
     * Records that every club moved, unless the merger was completed already; a compare-and-set,
     * never a replacement, so two recoverers cannot undo each other. Completion wins over a block
     * (the clubs did move).
     *
     * @return the merger as stored afterwards
     */
    Merger complete(String id, Instant at);

    /**
     * Records why the merger cannot go on, only while it is neither completed nor blocked.
     *
     * @return the merger as stored afterwards (completed, if another recoverer finished it)
     */
    Merger block(String id, String reason);

    Optional<Merger> find(String id);

    /** Mergers still in progress that were decided before {@code before} (for recovery). */
    List<Merger> unfinishedSince(Instant before);

    /** Mergers newest first. */
    List<Merger> newestFirst(int page, int size);

    long count();
}
