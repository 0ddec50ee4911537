package org.federation.notification.workqueue.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One piece of work awaiting someone: a person ({@code person:<number>}) or a department
 * ({@code department:<name>}), or several of them (a panel member each; an escalation's heads).
 *
 * @param id           derived from what opened it (see {@link WorkChange}), so a redelivered event opens nothing twice
 * @param kind         what kind of work
 * @param title        what to do, in people's words: names, never ids
 * @param awaiting     whose queues it is in
 * @param deadline     when it is due, or null where the federation's rules set none
 * @param lapsesAt     when it stops being work although no event closed it (an activity proposal whose planned
 *                     start has passed: event-service announces no return or withdrawal of a proposal), or null
 * @param service      the service that owns the item and acts on it ({@code club-service}, …)
 * @param link         the owning service's API path of the item
 * @param openedAt     when the work was asked for (the opening event's time)
 * @param source       the aggregate the opening event was about (its key)
 * @param openSequence the opening event's sequence in that aggregate's stream
 * @param ref          what a closing event must match besides the source (an election's meeting day), or null
 */
public record WorkItem(String id, WorkKind kind, String title, List<String> awaiting, Instant deadline, Instant lapsesAt,
                       String service, String link, Instant openedAt, String source, long openSequence, String ref) {

    public WorkItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        awaiting = List.copyOf(awaiting);
        if (awaiting.isEmpty()) {
            throw new IllegalArgumentException("work item " + id + " awaits nobody");
        }
    }

    /** Whether its deadline has passed at {@code now}. */
    public boolean overdue(Instant now) {
        return deadline != null && deadline.isBefore(now);
    }

    /** Whether it stopped being work at {@code now} without a closing event (see {@link #lapsesAt}). */
    public boolean lapsed(Instant now) {
        return lapsesAt != null && !lapsesAt.isAfter(now);
    }
}
