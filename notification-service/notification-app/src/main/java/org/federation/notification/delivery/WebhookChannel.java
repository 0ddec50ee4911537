package org.federation.notification.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * A JSON POST of the notice to a webhook, signed with the webhook's secret ({@link WebhookSignature});
 * any 2xx answer is a delivery, anything else is retried. The URL is checked by {@link WebhookGuard}
 * before every attempt (what its host resolves to may have changed since registration); a refused
 * URL, or one no longer registered, fails at once.
 */
@Component
class WebhookChannel implements Channel {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
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
        return "webhook";
    }

    @Override
    public void send(Delivery delivery) throws Exception {
        URI uri;
        try {
            uri = guard.check(delivery.target());
        } catch (WebhookGuard.Refused refused) {
            throw new PermanentDeliveryFailure("refused: " + refused.getMessage());
        }
        String secret = secrets.of(delivery.recipient(), delivery.target()).orElseThrow(() -> new PermanentDeliveryFailure(
                "the webhook is no longer registered (or was registered before deliveries were signed: register it again)"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Federation-Notice-Id", delivery.noticeId())
                .header("X-Federation-Delivery-Id", delivery.id())
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant().getEpochSecond(), delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the webhook answered HTTP " + response.statusCode());
        }
    }
}
