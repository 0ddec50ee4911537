package org.federation.notification.workqueue.application;

import org.federation.platform.domain.BusinessClock;
import java.util.List;

import org.federation.notification.direct.application.DirectNotices;
import org.federation.notification.direct.domain.DirectNotice;
import org.federation.notification.directory.domain.Names;
import org.federation.notification.workqueue.domain.WorkChange;
import org.federation.notification.workqueue.domain.WorkItem;
import org.federation.notification.workqueue.domain.WorkItems;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.federation.platform.paging.PageOf;
import org.springframework.stereotype.Service;

/**
 * One work queue per person and per department, built from the services' events: the consumers of
 * {@code club.events}, {@code activity.events}, {@code finance.events} and notification-service's own
 * {@code notification.events} hand every event to {@link #on}; what it asks for opens an item, what
 * completes it closes it in every queue it was in.
 */
@Service
public class WorkQueues {

    private final WorkItems items;
    private final WorkFromEvents fromEvents;
    private final BusinessClock clock; // overdue is a matter of business time

    WorkQueues(WorkItems items, InboundEvents inbound, Names names, DirectNotices directNotices, BusinessClock clock) {
        this.items = items;
        this.fromEvents = new WorkFromEvents(inbound, names, id -> directNotices.find(id).map(DirectNotice::title),
                items::deadlineOf);
        this.clock = clock;
    }

    /** Applies what {@code event} asks for or completes (idempotent: a redelivery changes nothing). */
    public void on(EventEnvelope event) {
        apply(fromEvents.of(event));
    }

    void apply(List<WorkChange> changes) {
        for (WorkChange change : changes) {
            if (change instanceof WorkChange.Open open) {
                items.open(open.item());
            } else if (change instanceof WorkChange.Close close) {
                items.close(close);
            } else if (change instanceof WorkChange.CloseAll close) {
                items.closeAll(close);
            }
        }
    }

    /**
     * What awaits {@code owner} ({@code person:<n>} or {@code department:<d>}) now: most overdue first,
     * then the nearest deadline, then the work without a deadline, oldest first.
     */
    public PageOf<WorkItem> queue(String owner, int page, int size) {
        return items.awaiting(owner, clock.instant(), page, size);
    }
}
