package org.federation.notification.routing.web;

import org.federation.notification.routing.domain.Subscription;
import org.federation.notification.routing.domain.NoticeKinds;

import org.federation.notification.routing.application.Subscriptions;

import java.util.List;

import org.federation.notification.directory.domain.RecipientAccess;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Who hears about what: the kinds of notice and each subscriber's choice of them. */
@RestController
@Validated
class SubscriptionController {

    /** A subscriber's choice: the kinds they want, and (for a person) whether notices about their own clubs come too. */
    record SubscriptionRequest(@NotNull @Size(max = 60) List<@NotBlank @Size(max = 60) String> kinds,
                               @NotNull Boolean ownClubs) {
    }

    /** What a subscriber hears about; {@code defaults} while nobody changed it. */
    record SubscriptionView(String subscriber, List<String> kinds, boolean ownClubs, boolean defaults,
                            java.time.Instant updatedAt, String updatedBy) {
        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.kinds(), s.ownClubs(), s.isDefault(), s.updatedAt(), s.updatedBy());
        }
    }

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** The kinds of notice there are, with what each is about; for anyone signed in. */
    @GetMapping("/api/notice-kinds")
    List<NoticeKinds.Kind> kinds() {
        return NoticeKinds.all();
    }

    @GetMapping("/api/subscriptions/{subscriber}")
    SubscriptionView subscription(@PathVariable @Pattern(regexp = RecipientAccess.PATTERN,
            message = RecipientAccess.PATTERN_MESSAGE) String subscriber, Caller caller) {
        return SubscriptionView.of(subscriptions.of(subscriber, caller));
    }

    @PutMapping("/api/subscriptions/{subscriber}")
    SubscriptionView change(@PathVariable @Pattern(regexp = RecipientAccess.PATTERN,
                                    message = RecipientAccess.PATTERN_MESSAGE) String subscriber,
                            @RequestBody @Valid SubscriptionRequest request, Caller caller) {
        return SubscriptionView.of(subscriptions.change(subscriber, request.kinds(), request.ownClubs(), caller));
    }
}
