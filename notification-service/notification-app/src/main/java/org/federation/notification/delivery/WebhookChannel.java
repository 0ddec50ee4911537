package org.federation.notification.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.stereotype.Component;

/** A JSON POST of the notice to a webhook; any 2xx answer is a delivery, anything else is retried. */
@Component
class WebhookChannel implements Channel {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void send(Delivery delivery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.target())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Federation-Notice-Id", delivery.noticeId())
                .header("X-Federation-Delivery-Id", delivery.id())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("the webhook answered HTTP " + response.statusCode());
        }
    }
}
