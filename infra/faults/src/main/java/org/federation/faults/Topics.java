package org.federation.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The broker seen from outside: topics, consumer groups and their lag, every record of a topic. */
final class Topics implements AutoCloseable {

    /** A record as read back: key, headers (as text), payload. */
    record Seen(String topic, int partition, long offset, String key, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final String kafka;
    private final Admin admin;

    Topics(String kafka) {
        this.kafka = kafka;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    Admin admin() {
        return admin;
    }

    /** The federation's topics: owner topics and dead-letter topics, no internal ones. */
    Set<String> topics() throws Exception {
        Set<String> names = new TreeSet<>(admin.listTopics().names().get(20, TimeUnit.SECONDS));
        names.removeIf(n -> n.startsWith("__") || n.startsWith("_"));
        return names;
    }

    Set<String> ownerTopics() throws Exception {
        Set<String> names = topics();
        names.removeIf(n -> n.endsWith(".dlq") || n.contains("redrive"));
        return names;
    }

    /**
     * The services' consumer groups. Anonymous groups ({@code anonymous.*}: an instance's own
     * subscription, e.g. notification-service's live inbox stream, starting at the end) belong to one
     * process and are left behind, empty, when it dies: they are no one's backlog.
     */
    Set<String> groups() throws Exception {
        Set<String> groups = new TreeSet<>();
        for (var listing : admin.listGroups().all().get(20, TimeUnit.SECONDS)) {
            if (!listing.groupId().startsWith("anonymous.")) {
                groups.add(listing.groupId());
            }
        }
        return groups;
    }

    Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
    }

    /**
     * Group → the topics it reads: those its members are assigned now and those it has committed
     * offsets for (a topic nobody published to yet has no commit, a stopped group no members).
     */
    Map<String, Set<String>> topicsByGroup() throws Exception {
        Map<String, Set<String>> byGroup = new TreeMap<>();
        Set<String> groups = groups();
        var descriptions = admin.describeConsumerGroups(groups).all().get(20, TimeUnit.SECONDS);
        for (String group : groups) {
            Set<String> read = new TreeSet<>();
            committed(group).keySet().forEach(tp -> read.add(tp.topic()));
            var description = descriptions.get(group);
            if (description != null) {
                description.members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> read.add(tp.topic())));
            }
            read.removeIf(t -> t.endsWith(".dlq"));
            byGroup.put(group, read);
        }
        return byGroup;
    }

    Map<TopicPartition, Long> endOffsets(Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(20, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(20, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /**
     * How far behind each group is: the sum over the partitions of its topics of end offset minus
     * committed offset (a partition with records and no commit counts whole).
     */
    Map<String, Long> lag(Map<String, Set<String>> topicsByGroup, Map<TopicPartition, Long> ends) throws Exception {
        Map<String, Long> lag = new TreeMap<>();
        for (Map.Entry<String, Set<String>> group : topicsByGroup.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group.getKey());
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (group.getValue().contains(end.getKey().topic())) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    behind += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
                }
            }
            lag.put(group.getKey(), behind);
        }
        return lag;
    }

    /** Every record of the topic up to its end offsets now. */
    List<Seen> readAll(String topic) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(Set.of(topic));
        List<Seen> seen = new ArrayList<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    Map<String, String> headers = new HashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null
                                : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    seen.add(new Seen(record.topic(), record.partition(), record.offset(), record.key(), headers));
                }
            }
        }
        return seen;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
