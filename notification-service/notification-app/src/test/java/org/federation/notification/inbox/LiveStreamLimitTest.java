package org.federation.notification.inbox;

import org.federation.notification.inbox.web.NoticeStream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.NotificationServiceTest;
import org.federation.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person holds at most {@code federation.notifications.streams.per-person} (3) live streams at
 * once: one more is refused with 429, {@code Retry-After} and a problem; closing one, or letting it
 * time out, frees its slot.
 */
@NotificationServiceTest
class LiveStreamLimitTest extends EmbeddedBackboneProperties {

    @Autowired
    NoticeStream streams;

    final String person = "67" + Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000);
    final String token = TestTokens.tokenFor(person, List.of("STUDENT"));
    final List<HttpResponse<Stream<String>>> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(r -> r.body().close());
    }

    @Test
    void theFourthConcurrentStreamIsRefusedUntilOneCloses() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<Stream<String>> stream = open(60_000);
            assertThat(stream.statusCode()).as("stream %d of 3", i + 1).isEqualTo(200);
            opened.add(stream);
        }
        assertThat(streams.heldBy(person)).isEqualTo(3);

        HttpResponse<String> refused = HttpClient.newHttpClient().send(request(60_000), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("live streams open already");
        assertThat(streams.heldBy(person)).as("a refused stream takes no slot").isEqualTo(3);

        // the portal closes one tab: the next heartbeat (run here rather than waited for) finds the connection
        // gone and frees its slot
        opened.remove(0).body().close();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            streams.heartbeat();
            return streams.heldBy(person) == 2;
        });
        HttpResponse<Stream<String>> again = open(60_000);
        assertThat(again.statusCode()).isEqualTo(200);
        opened.add(again);
    }

    @Test
    void aTimedOutStreamFreesItsSlot() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<Stream<String>> stream = open(200);
            assertThat(stream.statusCode()).isEqualTo(200);
            opened.add(stream);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> streams.heldBy(person) == 0);
        HttpResponse<Stream<String>> after = open(60_000);
        assertThat(after.statusCode()).isEqualTo(200);
        opened.add(after);
    }

    /**
     * On shutdown the open streams end first, each telling its portal to reconnect (to another instance)
     * in a second. They once stayed open: the web server's graceful shutdown waited for them until its
     * timeout (30 s) on every SIGTERM, and cut them then.
     */
    @Test
    void onShutdownOpenStreamsEndWithAReconnectHintAndFreeTheirSlots() throws Exception {
        HttpResponse<Stream<String>> stream = open(60_000);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(streams.heldBy(person)).isEqualTo(1);
        java.util.concurrent.CompletableFuture<List<String>> lines = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> stream.body().toList());
        try {
            streams.stop();

            assertThat(lines.get(10, TimeUnit.SECONDS)).as("the stream ended, telling the client when to reconnect")
                    .contains("retry:" + 1_000);
            assertThat(streams.heldBy(person)).isZero();
            assertThat(streams.isRunning()).isFalse();
            HttpResponse<Stream<String>> during = open(60_000);
            assertThat(during.body().toList()).as("a stream opened while shutting down ends at once")
                    .anyMatch(l -> l.startsWith("event:unread")).contains("retry:" + 1_000);
            assertThat(streams.heldBy(person)).isZero();
        } finally {
            streams.start(); // the app is shared with the other tests
        }
        HttpResponse<Stream<String>> after = open(60_000);
        assertThat(after.statusCode()).isEqualTo(200);
        opened.add(after);
        assertThat(streams.heldBy(person)).isEqualTo(1);
    }

    private HttpResponse<Stream<String>> open(long timeoutMs) throws Exception {
        return HttpClient.newHttpClient().sendAsync(request(timeoutMs), HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
    }

    private HttpRequest request(long timeoutMs) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/inbox/stream?recipient=person:" + person
                        + "&timeoutMs=" + timeoutMs))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
    }
}
