package org.federation.notification.delivery.web;

import org.federation.notification.delivery.application.Contacts;
import org.federation.notification.delivery.application.Deliveries;

import org.federation.notification.delivery.domain.ContactPreferences;
import org.federation.notification.delivery.domain.Delivery;




import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.federation.notification.directory.domain.RecipientAccess;
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

    DeliveryController(Contacts contacts, Deliveries deliveries) {
        this.contacts = contacts;
        this.deliveries = deliveries;
    }

    @GetMapping("/api/contacts/{recipient}")
    ContactPreferences contact(@PathVariable @Pattern(regexp = RecipientAccess.PATTERN,
            message = RecipientAccess.PATTERN_MESSAGE) String recipient, Caller caller) {
        return contacts.of(recipient, caller);
    }

    @PutMapping("/api/contacts/{recipient}")
    ContactChange change(@PathVariable @Pattern(regexp = RecipientAccess.PATTERN,
                                      message = RecipientAccess.PATTERN_MESSAGE) String recipient,
                              @RequestBody @Valid ContactRequest request, Caller caller) {
        Contacts.Changed changed = contacts.change(recipient, request.email(), request.emailEnabled(), request.webhooks(),
                caller);
        return ContactChange.of(changed.preferences(), changed.newWebhookSecrets());
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
        return new RotatedSecret(request.webhook(), contacts.rotateSecret(recipient, request.webhook(), caller));
    }

    @GetMapping("/api/inbox/{noticeId}/deliveries")
    List<Delivery> deliveries(@PathVariable @Size(max = 100) String noticeId, Caller caller) {
        return deliveries.ofNotice(noticeId, caller);
    }
}
