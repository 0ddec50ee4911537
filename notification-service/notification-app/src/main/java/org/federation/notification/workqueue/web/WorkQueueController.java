package org.federation.notification.workqueue.web;

import org.federation.platform.domain.BusinessClock;
import java.time.Instant;
import java.util.List;

import org.federation.notification.directory.domain.RecipientAccess;
import org.federation.notification.directory.application.Recipients;
import org.federation.notification.workqueue.application.WorkQueues;
import org.federation.notification.workqueue.domain.WorkItem;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Work queues: everything awaiting a person or a department across the four services, most overdue
 * first. A person reads their own queue; a department's members and head read the department's; the
 * presidium reads any (as for inboxes: {@link RecipientAccess}).
 */
@RestController
@RequestMapping("/api/work-queue")
@Validated
class WorkQueueController {

    /**
     * One piece of work.
     *
     * @param overdue whether its deadline has passed
     * @param service the service that owns it; {@code link} is that service's API path of it
     */
    record WorkItemView(String id, String kind, String title, List<String> awaiting, Instant deadline, boolean overdue,
                        String service, String link, Instant openedAt) {
    }

    record WorkQueuePage(String queue, List<WorkItemView> items, int page, int size, long totalItems) {
    }

    private final WorkQueues queues;
    private final BusinessClock clock; // overdue is a matter of business time

    WorkQueueController(WorkQueues queues, BusinessClock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    /** The caller's own queue (the person in the token). */
    @GetMapping("/mine")
    WorkQueuePage mine(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                       @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        return page(Recipients.PERSON + caller.subject(), page, size);
    }

    /** A person's or a department's queue: {@code queue=person:<number>} or {@code queue=department:<name>}. */
    @GetMapping
    WorkQueuePage queue(@RequestParam @NotBlank @Pattern(regexp = RecipientAccess.PATTERN,
                                message = RecipientAccess.PATTERN_MESSAGE) String queue,
                        @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        RecipientAccess.requireRead(caller, queue, "the work queue");
        return page(queue, page, size);
    }

    private WorkQueuePage page(String queue, int page, int size) {
        Instant now = clock.instant();
        PageOf<WorkItem> items = queues.queue(queue, page, size);
        List<WorkItemView> views = items.items().stream().map(i -> new WorkItemView(i.id(), i.kind().code(), i.title(),
                i.awaiting(), i.deadline(), i.overdue(now), i.service(), i.link(), i.openedAt())).toList();
        return new WorkQueuePage(queue, views, page, size, items.totalItems());
    }
}
