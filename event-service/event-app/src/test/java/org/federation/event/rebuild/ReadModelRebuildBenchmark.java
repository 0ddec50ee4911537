package org.federation.event.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.platform.messaging.consumer.ReadModelRebuild;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;

/**
 * How long event-service takes to rebuild its club directory for {@value #CLUBS} clubs and
 * {@value #MEMBERS} members: one {@code established} per club, then one {@code member-joined} per
 * member, each carrying the club's full snapshot (its members so far), as club-service publishes
 * them. Prints the records, their average size on the topic (key, value, headers) and the time;
 * never fails on a timing. Run apart:
 * {@code ./mvnw -o -pl event-service/event-app test -Dgroups=bench -Dsurefire.excludedGroups=none
 * -Dtest=ReadModelRebuildBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
@EventServiceTest
class ReadModelRebuildBenchmark extends EmbeddedBackboneProperties {

    static final int CLUBS = 150;
    static final int MEMBERS = 30_000;

    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void rebuildOf150ClubsAnd30000Members() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        long bytes = 0;
        int records = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBackbone.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            List<List<String>> members = new ArrayList<>();
            for (int c = 0; c < CLUBS; c++) {
                members.add(new ArrayList<>());
                bytes += send(producer, sent, ClubEventTypes.ESTABLISHED, club(run, c), 1,
                        "{\"club\":" + snapshot(run, c, members.get(c)) + ",\"origin\":\"imported\"}");
                records++;
            }
            for (int m = 0; m < MEMBERS; m++) {
                int c = m % CLUBS;
                String student = "20%08d".formatted(m);
                members.get(c).add(student);
                bytes += send(producer, sent, ClubEventTypes.MEMBER_JOINED, club(run, c), members.get(c).size() + 1,
                        "{\"club\":" + snapshot(run, c, members.get(c)) + ",\"studentNumber\":\"" + student + "\"}");
                records++;
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        int perClub = MEMBERS / CLUBS + 1;
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Document last = mongo.findById(club(run, CLUBS - 1), Document.class, "clubs");
            return last != null && last.getLong("sequence") == perClub;
        });
        rebuild.collections().forEach(c -> mongo.remove(new Query(), c));

        Map<String, String> functions = Map.of("club.events", "clubEvents", "finance.events", "financeEvents");
        ReadModelRebuild instance = new ReadModelRebuild(EmbeddedBackbone.get().kafkaBootstrapServers(), "event-service",
                rebuild.topics(), rebuild.collections(),
                topic -> (Consumer<Message<byte[]>>) context.getBean(functions.get(topic)), mongo, Clock.systemUTC(),
                Duration.ofMinutes(2));
        long started = System.nanoTime();
        ReadModelRebuild.Outcome outcome = instance.rebuildIfEmpty();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        long clubs = mongo.count(new Query(), "clubs");
        System.out.printf("%nREBUILD BENCHMARK: %d clubs, %d members: %d records sent (average %d bytes incl. key and headers);"
                + " rebuild %s replayed %s in %d ms (%.0f records/s); clubs in the directory afterwards: %d%n%n",
                CLUBS, MEMBERS, records, bytes / records, outcome.outcome(), outcome.records(), millis,
                outcome.total() * 1000.0 / Math.max(1, millis), clubs);
    }

    private static long send(KafkaProducer<String, byte[]> producer, List<Future<RecordMetadata>> sent, String type,
                             String club, long sequence, String json) {
        ProducerRecord<String, byte[]> record = RawEvents.envelope(type, "/club-service", club, sequence, json)
                .toRecord("club.events");
        long size = record.key().length() + record.value().length;
        for (Header h : record.headers()) {
            size += h.key().length() + h.value().length;
        }
        sent.add(producer.send(record));
        return size;
    }

    private static String club(String run, int c) {
        return "club-bench-" + run + "-" + c;
    }

    private static String snapshot(String run, int c, List<String> members) {
        return "{\"id\":\"" + club(run, c) + "\",\"name\":\"基准社 " + c + "\",\"category\":\"sports\",\"state\":\"active\","
                + "\"foundedOn\":\"2015-09-01\",\"registrationYear\":2026,\"leaders\":[{\"studentNumber\":\"2099000007\","
                + "\"name\":\"李雷\",\"role\":\"president\"}],\"liaisonOfficer\":\"2099000006\",\"memberStudentNumbers\":["
                + String.join(",", members.stream().map(m -> "\"" + m + "\"").toList()) + "]}";
    }
}
