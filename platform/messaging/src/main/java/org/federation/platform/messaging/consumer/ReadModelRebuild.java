package org.federation.platform.messaging.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * Rebuilds a service's read models (its copies of other services' facts: club directories,
 * credential keys, rosters, …) by replaying the owner topics from their earliest offset through
 * the <em>same handlers</em> the service's consumers use, so the same idempotency rules apply
 * (newest sequence wins; derived ids insert once) and a rebuild running beside the normal
 * consumers, or twice, changes nothing twice.
 *
 * <p>It reads with a plain {@link KafkaConsumer} of its own, assigned every partition, with no
 * group and no commit: the consumer group's offsets are left alone, and the normal consumers
 * carry on from theirs. It reads each topic up to the end offsets it found when it began.
 *
 * <p>One instance rebuilds at a time: the rebuild holds a lease, one document
 * ({@code read-model-rebuilds/read-models}) taken by a conditional single-document write (insert,
 * or take over where the lease has expired) and renewed while it runs; an instance that finds
 * the lease held does not rebuild. At start, the rebuild runs only if every read-model
 * collection is empty, checked again under the lease, so two instances starting at once over a
 * lost database rebuild once.
 *
 * <p>While replaying, {@link #replaying()} is true on the replaying thread: a handler whose
 * message also changes the service's <em>own</em> records (opening an account, routing a notice)
 * skips that part then. A service's own records are restored from backup, never re-derived from
 * others' history.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    static final String COLLECTION = "read-model-rebuilds";
    static final String ID = "read-models";
    private static final ThreadLocal<Boolean> REPLAYING = ThreadLocal.withInitial(() -> false);

    /** What a rebuild did (or why it did not run). */
    public record Outcome(String outcome, String instance, Map<String, Long> records, long failed, long millis) {

        public static final String REBUILT = "rebuilt";
        public static final String HELD_ELSEWHERE = "lease-held-by-another-instance";
        public static final String NOT_EMPTY = "read-models-not-empty";

        public long total() {
            return records.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Map<String, Object> kafkaConfig;
    private final String group;
    private final List<String> topics;
    private final List<String> collections;
    private final Function<String, Consumer<Message<byte[]>>> handlers;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;
    private final String instance = UUID.randomUUID().toString();

    /**
     * @param topics      the owner topics to replay, in this order (e.g. {@code club.events} first)
     * @param collections the read-model collections the replay fills (checked for emptiness at start)
     * @param handlers    the group's handler of a consumed topic, as the bindings call it
     * @param lease       how long the lease lasts without renewal (renewed at half of it while replaying)
     */
    public ReadModelRebuild(String bootstrapServers, String group, List<String> topics, List<String> collections,
                            Function<String, Consumer<Message<byte[]>>> handlers, MongoTemplate mongo, Clock clock,
                            Duration lease) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), group, topics, collections, handlers,
                mongo, clock, lease);
    }

    /** @param kafkaConfig the consumer's connection settings: bootstrap and, on a cluster, TLS/SASL ({@code spring.kafka.*}) */
    public ReadModelRebuild(Map<String, Object> kafkaConfig, String group, List<String> topics, List<String> collections,
                            Function<String, Consumer<Message<byte[]>>> handlers, MongoTemplate mongo, Clock clock,
                            Duration lease) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.group = group;
        this.topics = List.copyOf(topics);
        this.collections = List.copyOf(collections);
        this.handlers = handlers;
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
    }

    /** True on a thread replaying history into the read models: handlers leave the service's own records alone. */
    public static boolean replaying() {
        return REPLAYING.get();
    }

    public List<String> topics() {
        return topics;
    }

    public List<String> collections() {
        return collections;
    }

    /** Every read-model collection is empty: a new service, or read models lost with a database. */
    public boolean readModelsEmpty() {
        return collections.stream().allMatch(c -> mongo.estimatedCount(c) == 0 && mongo.count(new Query(), c) == 0);
    }

    /** The start-up rebuild: only if every read-model collection is empty, and only on the instance holding the lease. */
    public Outcome rebuildIfEmpty() {
        if (!readModelsEmpty()) {
            return new Outcome(Outcome.NOT_EMPTY, instance, Map.of(), 0, 0);
        }
        return run(true);
    }

    /** The operator's rebuild: replays whatever the read models hold (idempotent), if no other instance is rebuilding. */
    public Outcome rebuild() {
        return run(false);
    }

    /** The last rebuild's record: who, when, state, records per topic. */
    public Map<String, Object> status() {
        Document doc = mongo.findById(ID, Document.class, COLLECTION);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("topics", topics);
        status.put("collections", collections);
        if (doc != null) {
            doc.forEach((k, v) -> {
                if (!"_id".equals(k) && !"token".equals(k)) {
                    status.put(k, v instanceof Date d ? d.toInstant().toString() : v);
                }
            });
        }
        return status;
    }

    private Outcome run(boolean onlyIfEmpty) {
        String token = UUID.randomUUID().toString();
        if (!claim(token)) {
            log.info("Read-model rebuild of {} not started here: another instance holds the lease", group);
            return new Outcome(Outcome.HELD_ELSEWHERE, instance, Map.of(), 0, 0);
        }
        long started = System.nanoTime();
        Map<String, Long> records = new LinkedHashMap<>();
        long[] failed = {0};
        String state = "failed";
        try {
            if (onlyIfEmpty && !readModelsEmpty()) {
                // another instance rebuilt them between our check and our claim
                state = "skipped";
                return new Outcome(Outcome.NOT_EMPTY, instance, Map.of(), 0, 0);
            }
            log.info("Rebuilding the read models {} of {} from {}", collections, group, topics);
            REPLAYING.set(true);
            for (String topic : topics) {
                records.put(topic, replay(topic, token, failed));
            }
            state = "completed";
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            log.info("Rebuilt the read models of {}: {} records in {} ms ({} refused by the handlers)", group, records,
                    millis, failed[0]);
            return new Outcome(Outcome.REBUILT, instance, records, failed[0], millis);
        } finally {
            REPLAYING.remove();
            release(token, state, records, failed[0], Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    /** Reads {@code topic} from its earliest offset to the end offsets of now, handing every record to the group's handler. */
    private long replay(String topic, String token, long[] failed) {
        Consumer<Message<byte[]>> handler = handlers.apply(topic);
        if (handler == null) {
            throw new IllegalStateException(group + " has no handler of " + topic);
        }
        long count = 0;
        Instant renewAt = clock.instant().plus(lease.dividedBy(2));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            List<TopicPartition> partitions = infos == null ? List.of()
                    : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<TopicPartition> remaining = new ArrayList<>(partitions.stream()
                    .filter(p -> consumer.position(p) < end.get(p)).toList());
            consumer.pause(partitions.stream().filter(p -> !remaining.contains(p)).toList());
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue; // newer than the rebuild: the normal consumers have it
                    }
                    try {
                        handler.accept(DeadLetters.message(record.topic(), record));
                    } catch (RuntimeException e) {
                        if (ConsumerFailures.classify(e) == ConsumerFailures.Kind.TRANSIENT) {
                            throw e; // the store is away: the rebuild fails and may be run again
                        }
                        // refused as the normal consumer refused it (it is in the dead-letter topic)
                        failed[0]++;
                        log.warn("Rebuild of {}: {} {}:{} refused by the handler: {}", group, topic, record.partition(),
                                record.offset(), e.getMessage());
                    }
                    count++;
                    if (!clock.instant().isBefore(renewAt)) {
                        renew(token);
                        renewAt = clock.instant().plus(lease.dividedBy(2));
                    }
                }
                remaining.removeIf(p -> {
                    boolean done = consumer.position(p) >= end.get(p);
                    if (done) {
                        consumer.pause(List.of(p));
                    }
                    return done;
                });
            }
        }
        return count;
    }

    /** Takes the lease: insert it, or take it over where it has expired (a compare-and-set on one document). */
    private boolean claim(String token) {
        Instant now = clock.instant();
        Document lease = new Document("_id", ID).append("owner", instance).append("token", token)
                .append("expiresAt", Date.from(now.plus(this.lease))).append("state", "running")
                .append("startedAt", Date.from(now));
        try {
            mongo.insert(lease, COLLECTION);
            return true;
        } catch (DuplicateKeyException held) {
            Document taken = mongo.findAndModify(
                    new Query(Criteria.where("_id").is(ID).and("expiresAt").lte(Date.from(now))),
                    new Update().set("owner", instance).set("token", token).set("expiresAt", Date.from(now.plus(this.lease)))
                            .set("state", "running").set("startedAt", Date.from(now)).unset("completedAt"),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            return taken != null;
        }
    }

    private void renew(String token) {
        long matched = mongo.updateFirst(new Query(Criteria.where("_id").is(ID).and("token").is(token)),
                new Update().set("expiresAt", Date.from(clock.instant().plus(lease))), COLLECTION).getMatchedCount();
        if (matched == 0) {
            throw new IllegalStateException("the read-model rebuild lost its lease to another instance");
        }
    }

    /** Ends the lease (expires now) and records the outcome, only if the lease is still ours. */
    private void release(String token, String state, Map<String, Long> records, long failed, long millis) {
        try {
            Instant now = clock.instant();
            mongo.updateFirst(new Query(Criteria.where("_id").is(ID).and("token").is(token)),
                    new Update().set("expiresAt", Date.from(now)).set("state", state).set("completedAt", Date.from(now))
                            .set("records", new Document(records)).set("refused", failed).set("millis", millis),
                    COLLECTION);
        } catch (RuntimeException e) {
            log.warn("Could not release the read-model rebuild lease (it expires by itself): {}", e.getMessage());
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new LinkedHashMap<>(kafkaConfig);
        // assigned partitions, no group: no offsets committed for anyone, and our own deserializers
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-read-model-rebuild");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
