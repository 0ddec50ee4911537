package org.federation.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends a claimed batch's events to Kafka in waves: the n-th pending event of every claimed
 * aggregate, then one wait for the broker, then the (n+1)-th. So an aggregate's event goes out
 * only once the one before it was acknowledged: a failed send (a record the broker refuses, too
 * large, say, or a lost acknowledgement) stops that aggregate there and nothing after it is
 * published with a gap; the other aggregates of the batch go on. No send starts at or after
 * {@code lastSend} (the batch is abandoned before the lease runs out; what was not sent stays
 * pending for the next round).
 */
final class OutboxSender {

    /**
     * What a batch's sends achieved: per claim (same order), how many of its events, from the
     * first, the broker acknowledged; and why a claim stopped short, if one did.
     */
    record Sent(int[] acknowledged, String failure) {
    }

    private final Producer<String, byte[]> producer;
    private final Clock clock;
    private final Duration sendTimeout;
    private final Function<String, String> topicFor;

    OutboxSender(Producer<String, byte[]> producer, Clock clock, Duration sendTimeout, Function<String, String> topicFor) {
        this.producer = producer;
        this.clock = clock;
        this.sendTimeout = sendTimeout;
        this.topicFor = topicFor;
    }

    Sent send(List<OutboxRelay.Claim> claims, Instant lastSend, OutboxRelayMetrics metrics) {
        int[] acknowledged = new int[claims.size()];
        boolean[] stopped = new boolean[claims.size()];
        String failure = null;
        for (int wave = 0; ; wave++) {
            List<Integer> sentTo = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            long sentAt = System.nanoTime();
            for (int i = 0; i < claims.size(); i++) {
                OutboxRelay.Claim claim = claims.get(i);
                if (stopped[i] || wave >= claim.events().size()) {
                    continue;
                }
                if (!clock.instant().isBefore(lastSend)) {
                    failure = failure != null ? failure : "the round ran out of lease before every event was sent; "
                            + "the rest stays pending";
                    Arrays.fill(stopped, true);
                    break;
                }
                String topic = topicFor.apply(claim.target().collection());
                try {
                    acks.add(producer.send(claim.events().get(wave).toRecord(topic)));
                    sentTo.add(i);
                } catch (RuntimeException e) {
                    stopped[i] = true;
                    metrics.failed(topic);
                    failure = failure != null ? failure : "could not send " + claim.target() + ": " + e.getMessage();
                }
            }
            if (acks.isEmpty()) {
                return new Sent(acknowledged, failure);
            }
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            for (int k = 0; k < acks.size(); k++) {
                int i = sentTo.get(k);
                String topic = topicFor.apply(claims.get(i).target().collection());
                try {
                    acks.get(k).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged[i]++;
                    metrics.sent(topic, Duration.ofNanos(System.nanoTime() - sentAt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    Arrays.fill(stopped, true);
                    failure = "interrupted while waiting for the broker";
                } catch (Exception e) {
                    stopped[i] = true;
                    metrics.failed(topic);
                    failure = failure != null ? failure : "broker did not acknowledge event "
                            + claims.get(i).events().get(wave).id() + " of " + claims.get(i).target() + ": " + e.getMessage();
                }
            }
        }
    }
}
