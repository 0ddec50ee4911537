package org.federation.club.registry.domain;

import org.federation.platform.domain.Decision;
import java.util.List;
import java.util.Optional;

import org.federation.platform.paging.PageOf;

/** Where clubs are kept. Storing a change also queues its events for publishing, in the same write. */
public interface Clubs {

    /**
     * Stores a new club with its events.
     *
     * @throws org.federation.platform.problem.StateConflictException if the id or the name is taken
     */
    void add(Decision<Club> change);

    /**
     * Loads the club, decides with {@code decision} and stores the result with its events, if
     * nobody changed the club meanwhile; otherwise decides again on the fresh state (a few times).
     *
     * @throws org.federation.platform.problem.ResourceNotFoundException if there is no such club
     */
    Decision<Club> change(String id, java.util.function.Function<Club, Decision<Club>> decision);

    Optional<Club> find(String id);

    /** Whether a live club already has this name (ignoring case and spacing, see {@link ClubName}). */
    boolean nameTaken(String name);

    /** Clubs newest first (by when they entered the platform), optionally filtered. */
    PageOf<Club> newestFirst(ClubFilter filter, int page, int size);

    /** The ids of clubs each of these people is liaison officer of. */
    java.util.Map<String, List<String>> liaisedBy(java.util.Collection<String> officers);

    /** The clubs in any of these states, oldest on the platform first. */
    List<Club> inStates(List<ClubState> states);

    /** The ids of clubs in any of these states (for deadline sweeps; a federation has a few hundred clubs). */
    List<String> idsInStates(List<ClubState> states);
}
