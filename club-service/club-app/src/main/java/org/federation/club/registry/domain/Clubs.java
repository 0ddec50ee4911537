package org.federation.club.registry.domain;

import java.util.Optional;

import org.federation.platform.paging.PageOf;

/** Where clubs are kept. Adding a club also queues its events for publishing, in the same write. */
public interface Clubs {

    /**
     * Stores a new club with its events.
     *
     * @throws org.federation.platform.problem.StateConflictException if the id or the name is taken
     */
    void add(Club.Change change, String actor);

    Optional<Club> find(String id);

    /** Whether a club already has this name (ignoring case and spacing, see {@link ClubName}). */
    boolean nameTaken(String name);

    /** Clubs newest first (by when they entered the platform). */
    PageOf<Club> newestFirst(int page, int size);
}
