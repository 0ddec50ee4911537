package org.federation.notification.inbox;

import java.util.List;

import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
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

/** A recipient's inbox, newest first. */
@RestController
@RequestMapping("/api/inbox")
@Validated
class InboxController {

    /** One page of an inbox, with how many notices in it are unread. */
    record InboxPage(List<Notice> items, int page, int size, long totalItems, long unread) {
    }

    private final Inboxes inboxes;

    /**
     * A person reads their own inbox ({@code person:<student number>}); a department's members and
     * head read the department's ({@code department:<name>}); the presidium reads any.
     */
    private static void requireOwner(Caller caller, String recipient) {
        int colon = recipient.indexOf(':');
        String kind = recipient.substring(0, colon);
        String who = recipient.substring(colon + 1);
        boolean owner = caller.isPresidium()
                || ("person".equals(kind) && caller.is(who))
                || ("department".equals(kind) && caller.inDepartment(who));
        if (!owner) {
            throw new ForbiddenException("the inbox of " + recipient + " is read only by its owner "
                    + "(a person, or a department's members and head) and the presidium");
        }
    }

    InboxController(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    @GetMapping
    InboxPage inbox(@RequestParam @NotBlank @Pattern(regexp = "[a-z-]+:[A-Za-z0-9_.-]+",
                            message = "must look like department:organization or person:2023010001") String recipient,
                    @RequestParam(defaultValue = "0") @Min(0) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                    Caller caller) {
        requireOwner(caller, recipient);
        PageOf<Notice> notices = inboxes.newestFirst(recipient, page, size);
        return new InboxPage(notices.items(), page, size, notices.totalItems(), inboxes.unread(recipient));
    }
}
