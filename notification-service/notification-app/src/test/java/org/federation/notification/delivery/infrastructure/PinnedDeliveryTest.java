package org.federation.notification.delivery.infrastructure;

import org.federation.notification.delivery.domain.WebhookGuard;
import org.federation.notification.delivery.infrastructure.PinnedHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * DNS rebinding: a name answers a harmless address when the guard asks and an internal one
 * afterwards. The delivery must go to the address the guard approved, or fail; never inside.
 */
class PinnedDeliveryTest {

    private HttpServer inside;
    private final AtomicInteger reachedInside = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();

    @BeforeEach
    void startInternalService() throws Exception {
        inside = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        inside.createContext("/", exchange -> {
            reachedInside.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        inside.start();
    }

    @AfterEach
    void stop() {
        inside.stop(0);
    }

    /** Answers the public address first, then the loopback one where the internal service listens. */
    private InetAddress[] rebinding(String host) throws java.net.UnknownHostException {
        String answer = lookups.getAndIncrement() == 0 ? "192.0.2.10" : "127.0.0.1";
        return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(answer).getAddress())};
    }

    @Test
    void aNameThatRebindsToAnInternalAddressAfterTheCheckIsNotCalledThere() throws Exception {
        int port = inside.getAddress().getPort();
        // "localhost": whatever re-resolves the name (the JDK client did) finds the internal service
        WebhookGuard guard = new WebhookGuard(List.of(), List.of(port), this::rebinding);
        WebhookGuard.Approved approved = guard.approve("http://localhost:" + port + "/hook");
        assertThat(approved.address().getHostAddress()).isEqualTo("192.0.2.10");

        PinnedHttp http = new PinnedHttp(Duration.ofMillis(300), Duration.ofSeconds(2));
        assertThatThrownBy(() -> http.post(approved, Map.of("X-Federation-Notice-Id", "n1"), "{}"))
                .as("192.0.2.10 (TEST-NET) answers nobody: the delivery fails").isInstanceOf(Exception.class);
        assertThat(reachedInside).as("requests that reached the internal service").hasValue(0);
    }

    @Test
    void theApprovedAddressIsCalledUnderTheWebhooksOwnName() throws Exception {
        AtomicInteger reached = new AtomicInteger();
        StringBuilder hostHeader = new StringBuilder();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        webhook.createContext("/", exchange -> {
            reached.incrementAndGet();
            hostHeader.append(exchange.getRequestHeaders().getFirst("Host"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        try {
            int port = webhook.getAddress().getPort();
            // development allow-list: not checked, but still pinned to the one address resolved
            WebhookGuard guard = new WebhookGuard(List.of("hooks.rebind.test"), List.of(), host ->
                    new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})});
            int status = new PinnedHttp(Duration.ofSeconds(2), Duration.ofSeconds(5))
                    .post(guard.approve("http://hooks.rebind.test:" + port + "/hook"), Map.of(), "{}");

            assertThat(status).isEqualTo(204);
            assertThat(reached).hasValue(1);
            assertThat(hostHeader.toString()).isEqualTo("hooks.rebind.test:" + port);
        } finally {
            webhook.stop(0);
        }
    }
}
