package org.federation.notification.workqueue.domain;

import java.time.Instant;
import java.util.Optional;

import org.federation.platform.paging.PageOf;

/** Where work items are kept (the port the application writes and reads through). */
public interface WorkItems {

    /** See {@link WorkChange.Open}. */
    void open(WorkItem item);

    /** See {@link WorkChange.Close}. */
    void close(WorkChange.Close close);

    /** See {@link WorkChange.CloseAll}. */
    void closeAll(WorkChange.CloseAll close);

    /** The deadline of the item with this id, open or closed, if it was opened and has one. */
    Optional<Instant> deadlineOf(String id);

    /**
     * The open items awaiting {@code owner} that have not lapsed at {@code now}: those with a deadline
     * first, earliest deadline first (so the most overdue lead, then the nearest deadlines), then those
     * without one, oldest first.
     */
    PageOf<WorkItem> awaiting(String owner, Instant now, int page, int size);
}
