package org.federation.club.founding.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.platform.domain.Decision;
import org.federation.platform.paging.PageOf;

/**
 * Where founding applications are kept. Storing a change also queues its events for publishing,
 * in the same single-document write. An open application holds its proposed name: no other open
 * application may have it.
 */
public interface FoundingApplications {

    /**
     * Stores a new application with its events.
     *
     * @throws org.federation.platform.problem.StateConflictException if an open application holds the name
     */
    void add(Decision<FoundingApplication> change);

    /**
     * Loads the application, decides with {@code decision} and stores the result with its events,
     * if nobody changed it meanwhile; otherwise decides again on the fresh state (a few times).
     *
     * @throws org.federation.platform.problem.ResourceNotFoundException if there is no such application
     * @throws org.federation.platform.problem.StateConflictException if the new name is held by another open application
     */
    Decision<FoundingApplication> change(String id, Function<FoundingApplication, Decision<FoundingApplication>> decision);

    Optional<FoundingApplication> find(String id);

    /** The open application holding this name (ignoring case and spacing), if any. */
    Optional<String> holderOf(String name);

    /**
     * The latest {@code reapplyAfter} of a rejection of this name that is still after {@code today},
     * if any: until then the name may not be applied for again.
     */
    Optional<LocalDate> rejectedUntil(String name, LocalDate today);

    /** Applications newest first (by submission), optionally only those in one state. */
    PageOf<FoundingApplication> newestFirst(FoundingState state, int page, int size);

    /** The ids of applications in this state (for the completion sweep; there are few at a time). */
    List<String> idsIn(FoundingState state);
}
