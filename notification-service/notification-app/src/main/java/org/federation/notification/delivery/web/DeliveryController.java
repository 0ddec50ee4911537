package org.federation.notification.delivery.web;

import org.federation.notification.delivery.domain.ContactPreferences;
import org.federation.notification.delivery.domain.WebhookGuard;
import org.federation.notification.delivery.domain.Delivery;

import org.federation.notification.delivery.infrastructure.WebhookSecrets;

import org.federation.notification.delivery.application.Deliveries;

import org.federation.notification.delivery.infrastructure.Contacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.federation.notification.directory.domain.RecipientAccess;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    /** Where notices go: an e-mail address (on or off) and up to five webhooks (public http or https URLs). */
    record ContactRequest(@Email @Size(max = 254) String email, @NotNull Boolean emailEnabled,
                          @NotNull @Size(max = 5) List<@NotBlank @Size(max = 500) String> webhooks) {
    }

    /**
     * The contact preferences as changed, with the signing secret of each webhook registered by this
     * change ({@code newWebhookSecrets}, by URL): shown this once, never again.
     */
    record ContactChange(String id, String email, boolean emailEnabled, List<String> webhooks, Instant updatedAt,
                         String updatedBy, Map<String, String> newWebhookSecrets) {

        static ContactChange of(ContactPreferences contact, Map<String, String> newSecrets) {
            return new ContactChange(contact.id(), contact.email(), contact.emailEnabled(), contact.webhooks(),
                    contact.updatedAt(), contact.updatedBy(), newSecrets);
        }
    }

    private final Contacts contacts;
    private final Deliveries deliveries;
    private final Inboxes inboxes;
    private final WebhookGuard guard;
    private final WebhookSecrets secrets;

    DeliveryController(Contacts contacts, Deliveries deliveries, Inboxes inboxes, WebhookGuard guard, WebhookSecrets secrets) {
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.inboxes = inboxes;
        this.guard = guard;
        this.secrets = secrets;
    }

    @GetMapping("/api/contacts/{recipient}")
    ContactPreferences contact(@PathVariable @Pattern(regexp = RecipientAccess.PATTERN,
            message = RecipientAccess.PATTERN_MESSAGE) String recipient, Caller caller) {
        RecipientAccess.requireRead(caller, recipient, "the contact preferences");
        return contacts.of(recipient);
    }

    @PutMapping("/api/contacts/{recipient}")
    ContactChange change(@PathVariable @Pattern(regexp = RecipientAccess.PATTERN,
                                      message = RecipientAccess.PATTERN_MESSAGE) String recipient,
                              @RequestBody @Valid ContactRequest request, Caller caller) {
        RecipientAccess.requireManage(caller, recipient, "the contact preferences");
        if (request.emailEnabled() && (request.email() == null || request.email().isBlank())) {
            throw new RuleViolationException("email", "e-mail delivery needs an address");
        }
        for (String url : request.webhooks()) {
            try {
                guard.check(url);
            } catch (WebhookGuard.Refused refused) {
                throw new RuleViolationException("webhooks", refused.getMessage());
            }
        }
        List<String> webhooks = request.webhooks().stream().distinct().toList();
        ContactPreferences changed = contacts.change(recipient, request.email() == null || request.email().isBlank()
                ? null : request.email(), request.emailEnabled(), webhooks, caller.subject());
        return ContactChange.of(changed, secrets.keepOnly(recipient, webhooks));
    }

    /** Which webhook's secret to replace. */
    record SecretRotation(@NotBlank @Size(max = 500) String webhook) {
    }

    /** A webhook's new signing secret: shown this once. */
    record RotatedSecret(String webhook, String secret) {
    }

    /**
     * Replaces the signing secret of one of the recipient's registered webhooks (a leaked secret,
     * or a webhook registered before deliveries were signed); 422 if the URL is not registered.
     */
    @PostMapping("/api/contacts/{recipient}/webhook-secrets")
    RotatedSecret rotate(@PathVariable @Pattern(regexp = RecipientAccess.PATTERN,
                                 message = RecipientAccess.PATTERN_MESSAGE) String recipient,
                         @RequestBody @Valid SecretRotation request, Caller caller) {
        RecipientAccess.requireManage(caller, recipient, "the contact preferences");
        if (!contacts.of(recipient).webhooks().contains(request.webhook())) {
            throw new RuleViolationException("webhook", request.webhook() + " is not one of " + recipient
                    + "'s webhooks; register it with PUT /api/contacts/" + recipient);
        }
        return new RotatedSecret(request.webhook(), secrets.rotate(recipient, request.webhook()));
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
