package org.federation.faults;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.TopicPartition;

/**
 * The platform at rest: every instance ready, every outbox empty (the {@code federation_outbox_pending}
 * gauges of every instance, read from its management port), every consumer group caught up with
 * every topic it reads (committed offset = end offset, through Kafka's Admin API).
 */
final class Quiescence {

    private static final Pattern PENDING = Pattern.compile(
            "^federation_outbox_pending\\{([^}]*)}\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final Platform platform;
    private final People people;
    private final Topics topics;

    Quiescence(Platform platform, People people, Topics topics) {
        this.platform = platform;
        this.people = people;
        this.topics = topics;
    }

    /** Outbox collection → topic, per service, from the gauges' labels. */
    Map<String, Map<String, String>> outboxes() {
        Map<String, Map<String, String>> byService = new TreeMap<>();
        for (Instance instance : platform.instances()) {
            Http.Answer scrape = Http.get(instance.managementUri() + "/actuator/prometheus", people.presidium());
            if (!scrape.ok()) {
                continue;
            }
            Matcher m = PENDING.matcher(scrape.body());
            while (m.find()) {
                Map<String, String> labels = labels(m.group(1));
                byService.computeIfAbsent(instance.service(), s -> new TreeMap<>()).put(labels.get("collection"),
                        labels.get("topic"));
            }
        }
        return byService;
    }

    /** Aggregates still holding events, summed over every instance (a NaN or unreadable gauge counts as not known). */
    long pendingEverywhere() {
        long pending = 0;
        for (Instance instance : platform.instances()) {
            Http.Answer scrape = Http.get(instance.managementUri() + "/actuator/prometheus", people.presidium());
            if (!scrape.ok()) {
                throw new IllegalStateException(instance.name() + " /actuator/prometheus answered " + scrape);
            }
            Matcher m = PENDING.matcher(scrape.body());
            boolean any = false;
            while (m.find()) {
                any = true;
                double value = Double.parseDouble(m.group(2));
                if (Double.isNaN(value)) {
                    throw new IllegalStateException(instance.name() + " reports a NaN outbox gauge: " + m.group(1));
                }
                pending += (long) value;
            }
            if (!any) {
                throw new IllegalStateException(instance.name() + " reports no outbox gauge");
            }
        }
        return pending;
    }

    /** Total lag of every group. */
    Map<String, Long> lag() throws Exception {
        Map<String, Set<String>> byGroup = topics.topicsByGroup();
        Set<String> read = new java.util.TreeSet<>();
        byGroup.values().forEach(read::addAll);
        if (read.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> ends = topics.endOffsets(read);
        return topics.lag(byGroup, ends);
    }

    /**
     * Waits until everything is at rest twice in a row (the outbox gauges are cached for up to
     * 5 s), and says how long that took.
     */
    Duration await(Duration timeout) {
        long started = System.nanoTime();
        int[] calm = {0};
        Waits.until(() -> "every instance is ready, every outbox empty and every consumer group caught up"
                + (platform.allReady() ? "" : "; not ready:" + platform.notReady()), timeout, () -> {
            boolean quiet = platform.allReadyNoneExited() && pendingEverywhere() == 0
                    && lag().values().stream().allMatch(l -> l == 0);
            calm[0] = quiet ? calm[0] + 1 : 0;
            if (calm[0] < 2) {
                Waits.pause(Duration.ofSeconds(3));
            }
            return calm[0] >= 2;
        });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.put(m.group(1), m.group(2));
        }
        return labels;
    }
}
