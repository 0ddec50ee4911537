package org.federation.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from the beginning, for tests that assert which events were published. Each
 * probe uses its own consumer group, so it sees everything and disturbs no service.
 */
public final class TopicProbe implements AutoCloseable {

    /** One record as seen on the topic, headers decoded as UTF-8. */
    public record Seen(String topic, int partition, String key, Map<String, String> headers, String payload) {

        public String type() {
            return headers.get("ce_type");
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Seen> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String... topics) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
    }

    /** Waits until a record matching {@code match} has been seen, and returns every one seen that matches. */
    public List<Seen> await(Predicate<Seen> match, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            return seen.stream().anyMatch(match);
        });
        return seen.stream().filter(match).toList();
    }

    /** Waits until at least {@code count} records matching {@code match} have been seen, and returns them all. */
    public List<Seen> awaitAtLeast(Predicate<Seen> match, int count, Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            return seen.stream().filter(match).count() >= count;
        });
        return seen.stream().filter(match).toList();
    }

    /** How many records with this key have been seen so far. */
    public long countFor(String key) {
        return seen.stream().filter(s -> key.equals(s.key())).count();
    }

    /** Everything seen so far after polling for {@code quietPeriod}. */
    public List<Seen> drain(Duration quietPeriod) {
        long until = System.nanoTime() + quietPeriod.toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
        return List.copyOf(seen);
    }

    private void poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            Map<String, String> headers = new HashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            seen.add(new Seen(record.topic(), record.partition(), record.key(), headers,
                    record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
