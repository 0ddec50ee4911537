package org.federation.platform.messaging.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partitions whose consumer is waiting for the service's own infrastructure (a store that
 * does not answer): since when, how many attempts, and the last error. The consumer health shows
 * them; a partition leaves the list when its record is finally processed.
 */
public class WaitingConsumers {

    /** One waiting partition of a group. */
    public record Waiting(String group, String topic, int partition, long offset, Instant since, int attempts,
                          String lastError) {
    }

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Clock clock;

    public WaitingConsumers(Clock clock) {
        this.clock = clock;
    }

    void failed(String group, String topic, int partition, long offset, int attempt, Throwable error) {
        waiting.compute(key(group, topic, partition), (k, before) -> new Waiting(group, topic, partition, offset,
                before == null ? clock.instant() : before.since(), attempt, describe(error)));
    }

    void recovered(String group, String topic, int partition) {
        waiting.remove(key(group, topic, partition));
    }

    public boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** The waiting partitions, by {@code <group>/<topic>-<partition>}, with how long each has waited. */
    public Map<String, Object> details() {
        Map<String, Object> details = new TreeMap<>();
        Instant now = clock.instant();
        waiting.forEach((key, w) -> details.put(key, Map.of(
                "offset", w.offset(),
                "waitingSince", w.since().toString(),
                "waited", Duration.between(w.since(), now).toString(),
                "attempts", w.attempts(),
                "lastError", w.lastError())));
        return details;
    }

    private static String key(String group, String topic, int partition) {
        return (group == null ? "anonymous" : group) + "/" + topic + "-" + partition;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
