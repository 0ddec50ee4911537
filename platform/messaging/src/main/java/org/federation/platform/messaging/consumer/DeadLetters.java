package org.federation.platform.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.federation.platform.messaging.FederationTopics;
import org.federation.platform.messaging.IdempotentWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A service's dead letters: the records its consumer group gave up on, read from
 * {@code <topic>.<group>.dlq}, and their re-drive. A re-driven record is handed to <em>this
 * group's</em> handler of the topic, in process, never published again to the owner's topic
 * (where every other group would see it again). Consumers are idempotent, so a re-drive of
 * something already applied changes nothing; a record re-driven successfully is remembered in
 * {@code dead-letter-redrives} and not counted in the depth any more.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String REDRIVES = "dead-letter-redrives";
    private static final int MAX_LISTED = 1000;

    /** One dead letter as the operator sees it. */
    public record DeadLetter(String deadLetterTopic, int partition, long offset, String key, String type, String id,
                             String subject, String originalTopic, Integer originalPartition, Long originalOffset,
                             String exceptionClass, String exceptionMessage, boolean redriven) {
    }

    /** What a re-drive did with one record. */
    public record Redrive(int partition, long offset, String outcome, String error) {
    }

    private final Map<String, Object> kafkaConfig;
    private final String group;
    private final Function<String, Consumer<Message<byte[]>>> handlers;
    private final MongoTemplate mongo;
    private final IdempotentWrites writes;
    private final Clock clock;

    /**
     * @param handlers the group's handler of a consumed topic (by topic), or null if the service
     *                 does not consume it in its group
     */
    public DeadLetters(String bootstrapServers, String group, Function<String, Consumer<Message<byte[]>>> handlers,
                       MongoTemplate mongo, IdempotentWrites writes, Clock clock) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), group, handlers, mongo, writes, clock);
    }

    /** @param kafkaConfig the consumer's connection settings: bootstrap and, on a cluster, TLS/SASL ({@code spring.kafka.*}) */
    public DeadLetters(Map<String, Object> kafkaConfig, String group, Function<String, Consumer<Message<byte[]>>> handlers,
                       MongoTemplate mongo, IdempotentWrites writes, Clock clock) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.group = group;
        this.handlers = handlers;
        this.mongo = mongo;
        this.writes = writes;
        this.clock = clock;
    }

    public String deadLetterTopic(String topic) {
        return FederationTopics.deadLetterTopic(topic, group);
    }

    /** The dead letters of {@code topic} for this group (at most 1000, oldest first per partition). */
    public List<DeadLetter> list(String topic) {
        Set<String> redriven = redriven(deadLetterTopic(topic));
        return read(topic).stream().map(r -> describe(r, redriven.contains(key(r.topic(), r.partition(), r.offset()))))
                .toList();
    }

    /** Records in the dead-letter topic not re-driven yet. */
    public long depth(String topic) {
        String dlq = deadLetterTopic(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, dlq);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
            long records = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            return Math.max(0, records - mongo.count(new Query(Criteria.where("deadLetterTopic").is(dlq)), REDRIVES));
        }
    }

    /**
     * Hands the chosen dead letters ({@code partition:offset}; empty = every one not re-driven
     * yet) to this group's handler of {@code topic}, one by one in offset order.
     */
    public List<Redrive> redrive(String topic, Set<String> chosen) {
        Consumer<Message<byte[]>> handler = handlers.apply(topic);
        if (handler == null) {
            throw new IllegalArgumentException(group + " does not consume " + topic);
        }
        String dlq = deadLetterTopic(topic);
        Set<String> done = redriven(dlq);
        List<Redrive> outcomes = new ArrayList<>();
        Set<String> found = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> record : read(topic)) {
            String position = record.partition() + ":" + record.offset();
            if (!chosen.isEmpty() && !chosen.contains(position)) {
                continue;
            }
            found.add(position);
            if (done.contains(key(dlq, record.partition(), record.offset()))) {
                outcomes.add(new Redrive(record.partition(), record.offset(), "already-redriven", null));
                continue;
            }
            try {
                handler.accept(message(topic, record));
                writes.insertOnce(REDRIVES, new Document("_id", key(dlq, record.partition(), record.offset()))
                        .append("deadLetterTopic", dlq).append("redrivenAt", java.util.Date.from(clock.instant())));
                outcomes.add(new Redrive(record.partition(), record.offset(), "applied", null));
                log.info("Re-drove dead letter {} {} to {}'s handler of {}", dlq, position, group, topic);
            } catch (RuntimeException e) {
                outcomes.add(new Redrive(record.partition(), record.offset(), "failed",
                        e.getClass().getSimpleName() + ": " + e.getMessage()));
                log.warn("Re-drive of dead letter {} {} failed again: {}", dlq, position, e.getMessage());
            }
        }
        chosen.stream().filter(c -> !found.contains(c)).forEach(c -> outcomes.add(new Redrive(
                partOf(c, 0), partOf(c, 1), "not-found", "no dead letter at " + c + " in " + dlq)));
        return outcomes;
    }

    /** The record as the binding would have handed it: payload and original headers, without the dead-letter ones. */
    static Message<byte[]> message(String topic, ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (!DeadLetterHeaders.isDeadLetterHeader(header.key())) {
                headers.put(header.key(), header.value());
            }
        }
        if (record.key() != null) {
            headers.put("kafka_receivedMessageKey", record.key());
        }
        // as received from the original topic, so a re-driven record meets the same owner check (TopicOwners)
        headers.put(KafkaHeaders.RECEIVED_TOPIC, topic);
        return MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value())
                .copyHeaders(headers).build();
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic) {
        String dlq = deadLetterTopic(topic);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, dlq);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (records.size() < MAX_LISTED && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + dlq + " to its end within 15 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(java.util.Comparator.comparingInt((ConsumerRecord<byte[], byte[]> r) -> r.partition())
                .thenComparingLong(ConsumerRecord::offset));
        return records.size() > MAX_LISTED ? records.subList(0, MAX_LISTED) : records;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no dead-letter topic " + topic);
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new LinkedHashMap<>(kafkaConfig);
        // assigned partitions, no group: no offsets committed for anyone, and our own deserializers
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-dead-letters");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Set<String> redriven(String dlq) {
        Set<String> ids = new TreeSet<>();
        mongo.find(new Query(Criteria.where("deadLetterTopic").is(dlq)), Document.class, REDRIVES)
                .forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    private static DeadLetter describe(ConsumerRecord<byte[], byte[]> r, boolean redriven) {
        return new DeadLetter(r.topic(), r.partition(), r.offset(), text(r.key()), header(r, "ce_type"),
                header(r, "ce_id"), header(r, "ce_subject"), header(r, DeadLetterHeaders.ORIGINAL_TOPIC),
                number(r, DeadLetterHeaders.ORIGINAL_PARTITION) == null ? null
                        : number(r, DeadLetterHeaders.ORIGINAL_PARTITION).intValue(),
                number(r, DeadLetterHeaders.ORIGINAL_OFFSET), header(r, DeadLetterHeaders.EXCEPTION_FQCN),
                header(r, DeadLetterHeaders.EXCEPTION_MESSAGE), redriven);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    /** Partition and offset headers are binary (4 or 8 bytes, big-endian), as Spring Kafka writes them. */
    private static Long number(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] v = header.value();
        if (v.length == 4) {
            return (long) java.nio.ByteBuffer.wrap(v).getInt();
        }
        if (v.length == 8) {
            return java.nio.ByteBuffer.wrap(v).getLong();
        }
        try {
            return Long.parseLong(text(v));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String key(String dlq, int partition, long offset) {
        return dlq + "/" + partition + "/" + offset;
    }

    private static int partOf(String position, int index) {
        try {
            return Integer.parseInt(position.split(":")[index].trim());
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
