package org.federation.notification.delivery;

import java.net.URI;
import java.util.List;

import org.federation.notification.directory.RecipientAccess;
import org.federation.notification.inbox.Inboxes;
import org.federation.notification.inbox.Notice;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Contact preferences (e-mail, webhooks) and the delivery attempts of a notice. */
@RestController
@Validated
class DeliveryController {

    /** Where notices go: an e-mail address (on or off) and up to five webhooks. */
    record ContactRequest(@Email @Size(max = 254) String email, @NotNull Boolean emailEnabled,
                          @NotNull @Size(max = 5) List<@NotBlank @Size(max = 500) String> webhooks) {
    }

    private final Contacts contacts;
    private final Deliveries deliveries;
    private final Inboxes inboxes;

    DeliveryController(Contacts contacts, Deliveries deliveries, Inboxes inboxes) {
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.inboxes = inboxes;
    }

    @GetMapping("/api/contacts/{recipient}")
    ContactPreferences contact(@PathVariable @Pattern(regexp = RecipientAccess.PATTERN,
            message = RecipientAccess.PATTERN_MESSAGE) String recipient, Caller caller) {
        RecipientAccess.requireRead(caller, recipient, "the contact preferences");
        return contacts.of(recipient);
    }

    @PutMapping("/api/contacts/{recipient}")
    ContactPreferences change(@PathVariable @Pattern(regexp = RecipientAccess.PATTERN,
                                      message = RecipientAccess.PATTERN_MESSAGE) String recipient,
                              @RequestBody @Valid ContactRequest request, Caller caller) {
        RecipientAccess.requireManage(caller, recipient, "the contact preferences");
        if (request.emailEnabled() && (request.email() == null || request.email().isBlank())) {
            throw new RuleViolationException("email", "e-mail delivery needs an address");
        }
        for (String url : request.webhooks()) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new RuleViolationException("webhooks", "not a URL: " + url);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new RuleViolationException("webhooks", "a webhook is an absolute http or https URL: " + url);
            }
        }
        return contacts.change(recipient, request.email() == null || request.email().isBlank() ? null : request.email(),
                request.emailEnabled(), request.webhooks().stream().distinct().toList(), caller.subject());
    }

    @GetMapping("/api/inbox/{noticeId}/deliveries")
    List<Delivery> deliveries(@PathVariable @Size(max = 100) String noticeId, Caller caller) {
        Notice notice = inboxes.get(noticeId);
        if (!RecipientAccess.mayRead(caller, notice.recipient())) {
            throw new ForbiddenException("the deliveries of notice " + noticeId + " are seen by the owner of "
                    + notice.recipient() + " and the presidium");
        }
        return deliveries.ofNotice(noticeId);
    }
}
