package org.federation.notification.delivery.infrastructure;

import org.federation.notification.delivery.application.Channel;
import org.federation.notification.delivery.domain.WebhookGuard;
import org.federation.notification.delivery.domain.PermanentDeliveryFailure;
import org.federation.notification.delivery.domain.ContactPreferences;
import org.federation.notification.delivery.domain.Delivery;
import org.federation.notification.delivery.domain.WebhookSignature;


import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * A JSON POST of the notice to a webhook, signed with the webhook's secret ({@link WebhookSignature});
 * any 2xx answer is a delivery, anything else is retried. The URL is checked by {@link WebhookGuard}
 * before every attempt (what its host resolves to may have changed since registration); a refused
 * URL, or one no longer registered, fails at once. The POST goes to the very address the guard
 * approved ({@link PinnedHttp}).
 */
@Component
public class WebhookChannel implements Channel {

    private final PinnedHttp http = new PinnedHttp(Duration.ofSeconds(5), Duration.ofSeconds(10));
    private final WebhookGuard guard;
    private final WebhookSecrets secrets;
    private final Clock clock;

    WebhookChannel(WebhookGuard guard, WebhookSecrets secrets, Clock clock) {
        this.guard = guard;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public String name() {
        return ContactPreferences.WEBHOOK;
    }

    @Override
    public void send(Delivery delivery) throws Exception {
        WebhookGuard.Approved approved;
        try {
            approved = guard.approve(delivery.target());
        } catch (WebhookGuard.Refused refused) {
            throw new PermanentDeliveryFailure("refused: " + refused.getMessage());
        }
        String secret = secrets.of(delivery.recipient(), delivery.target()).orElseThrow(() -> new PermanentDeliveryFailure(
                "the webhook is no longer registered (or was registered before deliveries were signed: register it again)"));
        // connects to the address the guard approved, never resolving the host again (DNS rebinding)
        int status = http.post(approved, Map.of(
                "X-Federation-Notice-Id", delivery.noticeId(),
                "X-Federation-Delivery-Id", delivery.id(),
                WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant().getEpochSecond(), delivery.payload())),
                delivery.payload());
        if (status / 100 != 2) {
            throw new IllegalStateException("the webhook answered HTTP " + status);
        }
    }
}
