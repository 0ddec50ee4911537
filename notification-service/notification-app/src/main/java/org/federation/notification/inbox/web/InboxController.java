package org.federation.notification.inbox.web;



import org.federation.notification.inbox.application.Inboxes;

import org.federation.platform.domain.BusinessClock;
import java.util.List;

import org.federation.notification.directory.domain.RecipientAccess;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A recipient's inbox, newest first: list, unread count, mark read, acknowledge, live stream. A
 * person reads their own inbox ({@code person:<student number>}); a department's members and head
 * read the department's ({@code department:<name>}); the presidium reads any. Marking a notice
 * read and acknowledging it is for the inbox's owner only (nobody acknowledges for someone else).
 */
@RestController
@RequestMapping("/api/inbox")
@Validated
class InboxController {

    /** One page of an inbox, with how many notices in it are unread. */
    record InboxPage(List<Notice> items, int page, int size, long totalItems, long unread) {
    }

    record UnreadCount(String recipient, long unread) {
    }

    private final Inboxes inboxes;
    private final NoticeStream stream;
    private final BusinessClock clock;

    InboxController(Inboxes inboxes, NoticeStream stream, BusinessClock clock) {
        this.inboxes = inboxes;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping
    InboxPage inbox(@RequestParam @NotBlank @Pattern(regexp = RecipientAccess.PATTERN,
                            message = RecipientAccess.PATTERN_MESSAGE) String recipient,
                    @RequestParam(required = false) @Pattern(regexp = "[a-z-]{1,60}", message = "must be a notice kind") String kind,
                    @RequestParam(defaultValue = "false") boolean unreadOnly,
                    @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                    Caller caller) {
        RecipientAccess.requireRead(caller, recipient, "the inbox");
        PageOf<Notice> notices = inboxes.newestFirst(recipient, kind, unreadOnly, page, size);
        return new InboxPage(notices.items(), page, size, notices.totalItems(), inboxes.unread(recipient));
    }

    @GetMapping("/unread-count")
    UnreadCount unread(@RequestParam @NotBlank @Pattern(regexp = RecipientAccess.PATTERN,
            message = RecipientAccess.PATTERN_MESSAGE) String recipient, Caller caller) {
        RecipientAccess.requireRead(caller, recipient, "the inbox");
        return new UnreadCount(recipient, inboxes.unread(recipient));
    }

    /** New notices as server-sent events, until {@code timeoutMs} passes (the portal reconnects). */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam @NotBlank @Pattern(regexp = RecipientAccess.PATTERN,
                              message = RecipientAccess.PATTERN_MESSAGE) String recipient,
                      @RequestParam(defaultValue = "1800000") @Min(100) @Max(3_600_000) long timeoutMs, Caller caller) {
        RecipientAccess.requireRead(caller, recipient, "the inbox");
        return stream.connect(caller.subject(), recipient, timeoutMs, inboxes.unread(recipient));
    }

    @PostMapping("/{noticeId}/read")
    Notice read(@PathVariable @Size(max = 100) String noticeId, Caller caller) {
        return inboxes.markRead(noticeId, caller, clock.instant());
    }

    @PostMapping("/{noticeId}/acknowledgement")
    Notice acknowledge(@PathVariable @Size(max = 100) String noticeId, Caller caller) {
        return inboxes.acknowledge(noticeId, caller, clock.instant());
    }
}
