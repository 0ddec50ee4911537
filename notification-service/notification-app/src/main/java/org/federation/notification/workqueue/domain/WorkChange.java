package org.federation.notification.workqueue.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What one event does to the work queues. Events of one aggregate arrive in order, but the event that
 * completes a piece of work may come from another aggregate or another service's topic (a budget decided
 * in finance-service, a notice acknowledged by another of a club's leaders) and so may arrive before the
 * event that asked for it. The changes are written so that neither order nor redelivery leaves a ghost.
 */
public sealed interface WorkChange {

    /**
     * Opens an item, once: its id is derived from the opening event, so a redelivery finds it (open or
     * closed) and changes nothing, except that an open item takes in further people it awaits (an
     * escalation's second step). An item already closed (a close that came first left its tombstone)
     * stays closed.
     */
    record Open(WorkItem item) implements WorkChange {
        public Open {
            Objects.requireNonNull(item, "item");
        }
    }

    /**
     * Closes the item with this id. If it is not there yet (its closing event came first), a closed
     * tombstone takes its id, so the late opening event finds it closed.
     */
    record Close(String id, String closedBy, Instant at) implements WorkChange {
        public Close {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Closes every open item of a kind opened by {@code source}'s events before {@code sequence} (its
     * own stream, so the order is the aggregate's): all of them, only those awaiting {@code awaiting}
     * (one panel member's ballot), or only those whose {@code ref} matches (the election a handover
     * confirmed). Closing all of them also records that the source's items up to that sequence are done,
     * so an older opening event re-driven later opens nothing.
     */
    record CloseAll(WorkKind kind, String source, long sequence, String awaiting, String ref, String closedBy,
                    Instant at) implements WorkChange {
        public CloseAll {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(source, "source");
            if (!kind.closedBySource()) {
                // its openings do not look up what the source closed (WorkKind#closedBySource): it would reopen
                throw new IllegalArgumentException(kind.code() + " items are closed one at a time, not by their source");
            }
        }

        /** Every open item of the kind from the source, opened before {@code sequence}. */
        public static CloseAll of(WorkKind kind, String source, long sequence, String closedBy, Instant at) {
            return new CloseAll(kind, source, sequence, null, null, closedBy, at);
        }

        /** Whether this closes everything of its kind from the source (not one person's part, not one ref). */
        public boolean whole() {
            return awaiting == null && ref == null;
        }
    }
}
