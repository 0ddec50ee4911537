package org.federation.club.merger.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where mergers are kept. */
public interface Mergers {

    void add(Merger merger);

    void save(Merger merger);

    Optional<Merger> find(String id);

    /** Mergers still in progress that were decided before {@code before} (for recovery). */
    List<Merger> unfinishedSince(Instant before);

    /** Mergers newest first. */
    List<Merger> newestFirst(int page, int size);

    long count();
}
