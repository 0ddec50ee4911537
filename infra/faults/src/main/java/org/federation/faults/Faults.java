package org.federation.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The faults, each injected while the workload runs and followed by the time the platform took to
 * recover from it: until every instance is ready again and every consumer group has caught up with
 * everything published up to the moment the fault ended.
 */
final class Faults {

    /** One injected fault: its kind, what exactly, and how long until the platform had recovered. */
    record Injected(String kind, String detail, Instant at, Duration recovery) {
    }

    static final String KILL = "kill -9 an instance (each service)";
    static final String SIGTERM = "SIGTERM an instance, restart";
    static final String BROKER = "broker restart";
    static final String STORE = "store stopped 10-20 s";
    static final String REWIND = "offsets rewound (group stopped)";
    static final String POISON = "poison record per consumed topic";
    static final List<String> KINDS = List.of(KILL, SIGTERM, BROKER, STORE, REWIND, POISON);

    private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(6);

    private final Platform platform;
    private final Topics topics;
    private final Random random;
    final List<Injected> injected = new CopyOnWriteArrayList<>();
    /** Source topic → ids of the poison records sent there. */
    final Map<String, Set<String>> poison = new TreeMap<>();

    Faults(Platform platform, Topics topics, Random random) {
        this.platform = platform;
        this.topics = topics;
        this.random = random;
    }

    void inject(String kind) throws Exception {
        Instant at = Instant.now();
        System.out.printf("[faults] %s: injecting%n", kind);
        String detail = switch (kind) {
            case KILL -> killOneOfEach();
            case SIGTERM -> terminateOne();
            case BROKER -> restartBroker();
            case STORE -> stopStore();
            case REWIND -> rewind();
            case POISON -> sendPoison();
            default -> throw new IllegalArgumentException(kind);
        };
        Duration recovery = awaitRecovery();
        injected.add(new Injected(kind, detail, at, recovery));
        System.out.printf("[faults] %s (%s): recovered in %d s%n", kind, detail, recovery.toSeconds());
    }

    private String killOneOfEach() {
        List<String> killed = new ArrayList<>();
        for (Platform.Service service : Platform.SERVICES) {
            List<Instance> of = platform.instancesOf(service.name());
            Instance victim = of.get(random.nextInt(of.size()));
            victim.kill();
            killed.add(victim.name());
        }
        Waits.pause(Duration.ofSeconds(2 + random.nextInt(6)));
        for (String name : killed) {
            platform.instances().stream().filter(i -> i.name().equals(name)).forEach(Instance::start);
        }
        return String.join(", ", killed);
    }

    private String terminateOne() {
        Instance victim = platform.instances().get(random.nextInt(platform.instances().size()));
        victim.terminate();
        victim.start();
        return victim.name();
    }

    private String restartBroker() throws InterruptedException {
        platform.broker().stop();
        Waits.pause(Duration.ofSeconds(3 + random.nextInt(5)));
        platform.broker().start(Duration.ofMinutes(2));
        return "down " + "and up again";
    }

    private String stopStore() {
        int seconds = 10 + random.nextInt(11);
        platform.stopStore();
        Waits.pause(Duration.ofSeconds(seconds));
        platform.startStore();
        return "down " + seconds + " s";
    }

    /**
     * Stops both instances of a service (gracefully), moves its group's committed offsets back to
     * the start of every topic it reads, and starts them again: everything is delivered again.
     */
    private String rewind() throws Exception {
        Platform.Service service = Platform.SERVICES.get(random.nextInt(Platform.SERVICES.size()));
        String group = service.name();
        List<Instance> both = platform.instancesOf(group);
        both.parallelStream().forEach(Instance::terminate);
        Waits.until(group + " has no members", Duration.ofMinutes(1), () -> {
            ConsumerGroupDescription description = topics.admin().describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get(20, TimeUnit.SECONDS);
            return description.members().isEmpty() && (description.groupState() == GroupState.EMPTY
                    || description.groupState() == GroupState.DEAD);
        });
        Map<TopicPartition, OffsetAndMetadata> committed = topics.committed(group);
        Map<TopicPartition, OffsetAndMetadata> back = new HashMap<>();
        long replayed = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
            back.put(e.getKey(), new OffsetAndMetadata(0));
            replayed += e.getValue().offset();
        }
        topics.admin().alterConsumerGroupOffsets(group, back).all().get(30, TimeUnit.SECONDS);
        both.forEach(Instance::start);
        return group + " back to offset 0 (" + replayed + " records again)";
    }

    /**
     * On every topic a group reads: a record as an intruder would publish it, well formed but
     * naming a source that does not own the topic. Every group must dead-letter it at once and
     * apply nothing.
     */
    private String sendPoison() throws Exception {
        Set<String> consumed = new TreeSet<>();
        topics.topicsByGroup().values().forEach(consumed::addAll);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            for (String topic : consumed) {
                String id = UUID.randomUUID().toString();
                String key = "poison-" + id;
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                        ("{\"clubId\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8));
                Map<String, String> headers = Map.of("ce_id", id, "ce_type", "org.federation.intruder.poison.v1",
                        "ce_source", "/intruder", "ce_subject", key, "ce_specversion", "1.0",
                        "ce_time", Instant.now().toString(), "ce_sequence", "1", "sequence", "1",
                        "content-type", "application/json");
                headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get(30, TimeUnit.SECONDS);
                synchronized (poison) {
                    poison.computeIfAbsent(topic, t -> new TreeSet<>()).add(id);
                }
            }
        }
        return "on " + String.join(", ", consumed);
    }

    /** Until every instance is ready and every group has read everything published up to now. */
    private Duration awaitRecovery() throws Exception {
        long started = System.nanoTime();
        Set<String> all = topics.ownerTopics();
        Waits.until(() -> "every instance is ready again; not ready:" + platform.notReady(), RECOVERY_TIMEOUT,
                platform::allReadyNoneExited);
        Waits.until("the broker answers", RECOVERY_TIMEOUT, () -> !topics.ownerTopics().isEmpty());
        Map<TopicPartition, Long> ends = topics.endOffsets(all);
        Map<String, Set<String>> byGroup = topics.topicsByGroup();
        Waits.until(() -> "every consumer group caught up with the end of the fault (still behind: "
                + behind(byGroup, ends) + ")", RECOVERY_TIMEOUT, () -> {
            for (Map.Entry<String, Set<String>> group : byGroup.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = topics.committed(group.getKey());
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    if (!group.getValue().contains(end.getKey().topic())) {
                        continue;
                    }
                    OffsetAndMetadata at = committed.get(end.getKey());
                    if (end.getValue() > 0 && (at == null || at.offset() < end.getValue())) {
                        return false;
                    }
                }
            }
            return true;
        });
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private String behind(Map<String, Set<String>> byGroup, Map<TopicPartition, Long> ends) {
        try {
            List<String> behind = new ArrayList<>();
            for (Map.Entry<String, Set<String>> group : byGroup.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = topics.committed(group.getKey());
                ends.forEach((tp, end) -> {
                    OffsetAndMetadata at = committed.get(tp);
                    if (group.getValue().contains(tp.topic()) && end > 0 && (at == null || at.offset() < end)) {
                        behind.add(group.getKey() + " " + tp + " at " + (at == null ? "none" : at.offset()) + " of " + end);
                    }
                });
            }
            return String.join(", ", behind);
        } catch (Exception e) {
            return "unknown: " + e;
        }
    }
}
