package org.federation.notification.bench;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.directory.infrastructure.ClubDirectory;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoCollection;

/**
 * Fan-out of one notice to every member of 150 clubs (30,000 recipients) through the running app
 * on the embedded backbone: time until every inbox has it, deliveries (inbox notices) per second,
 * time until every notice-posted event is on Kafka, and heap used; next to the raw rate of
 * inserting as many notice-sized documents with the MongoDB driver in the same run. Printed,
 * never asserted. Run with
 * {@code ./mvnw -o -pl notification-service/notification-app test -Dgroups=bench -Dsurefire.excludedGroups=none
 * -Dtest=FanOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.clubs}, {@code -Dbench.members} to resize).
 */
@Tag("bench")
@NotificationServiceTest
class FanOutBenchmark extends EmbeddedBackboneProperties {

    static final int CLUBS = Integer.getInteger("bench.clubs", 150);
    static final int MEMBERS = Integer.getInteger("bench.members", 200);

    @Autowired
    ClubDirectory clubs;
    @Autowired
    Inboxes inboxes;

    @Test
    void oneNoticeToEveryMemberOf150Clubs() throws Exception {
        int recipients = CLUBS * MEMBERS;
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int c = 0; c < CLUBS; c++) {
            List<String> members = new ArrayList<>();
            for (int m = 1; m < MEMBERS; m++) {
                members.add(String.format("3%03d%05d", c, m));
            }
            String leader = String.format("3%03d%05d", c, 0);
            clubs.keep(new ClubSnapshot("bench-" + run + "-" + c, "Bench club " + c, "sports", "active", null, null,
                    List.of(new ClubLeader(leader, "L", "president")), members, null, null, null), 1);
        }

        double rawOneByOne = rawInserts(recipients, false);
        double rawBatched = rawInserts(recipients, true);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 50, TimeUnit.MILLISECONDS);

        HttpProbe sender = Persona.ORGANIZATION_MEMBER.on(app());
        long start = System.nanoTime();
        HttpProbe.Response sent = sender.postJson("/api/direct-notices", """
                {"department":"organization","title":"Club Showcase Festival","body":"Opening gala on Saturday at 19:00.",
                 "audience":"all-clubs","reach":"members","acknowledgeBy":"%s"}""".formatted(Instant.now().plus(Duration.ofDays(7))));
        long accepted = System.nanoTime();
        if (sent.status() != 202) {
            throw new AssertionError(sent.status() + " " + sent.body());
        }
        String id = sent.json().get("id").asString();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> "sent".equals(sender.get("/api/direct-notices/" + id).json().get("state").asString()));
        double inboxesSeconds = seconds(start);
        long inInboxes = inboxes.countOfDirectNotice(id);
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                !mongo.exists(query(where("directNoticeId").is(id).and("pendingEvents.0").exists(true)), Inboxes.COLLECTION));
        double eventsSeconds = seconds(start);
        sampler.shutdown();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();

        double rate = inInboxes / inboxesSeconds;
        System.out.printf("%n== Fan-out benchmark: one notice to every member of %d clubs (%d recipients), Mongo-wire memory backend%n",
                CLUBS, recipients);
        System.out.printf("request accepted (202) after          : %8.0f ms%n", (accepted - start) / 1e6);
        System.out.printf("every inbox has it after              : %8.1f s  (%d notices)%n", inboxesSeconds, inInboxes);
        System.out.printf("inbox deliveries per second           : %8.0f /s%n", rate);
        System.out.printf("every notice-posted event on Kafka at : %8.1f s%n", eventsSeconds);
        System.out.printf("heap used before / peak / after (GC)  : %6.0f / %6.0f / %6.0f MB%n", mb(heapBefore), mb(peak.get()),
                mb(heapAfter));
        System.out.printf("raw driver inserts, one by one        : %8.0f docs/s  -> fan-out at %.0f%% of it (%.1fx slower)%n",
                rawOneByOne, 100 * rate / rawOneByOne, rawOneByOne / rate);
        System.out.printf("raw driver inserts, batches of 1000   : %8.0f docs/s  -> fan-out at %.0f%% of it%n%n",
                rawBatched, 100 * rate / rawBatched);
    }

    /** Inserts {@code n} documents shaped like stored notices straight through the driver; documents per second. */
    private double rawInserts(int n, boolean batched) {
        MongoCollection<Document> collection = mongo.getDb().getCollection("raw_" + (batched ? "batched_" : "single_")
                + UUID.randomUUID().toString().substring(0, 6));
        long start = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Document document = new Document("_id", Notice.idFor("raw:" + i, "person:" + i)).append("recipient", "person:" + i)
                    .append("kind", "direct").append("title", "Club Showcase Festival")
                    .append("body", "Opening gala on Saturday at 19:00.").append("subjectRef", "direct-notice:raw")
                    .append("postedAt", new Date()).append("senderDepartment", "organization").append("directNoticeId", "raw")
                    .append("clubIds", List.of("bench-" + i / MEMBERS)).append("acknowledgeBy", new Date())
                    .append("version", 1L).append("lastSequence", 1L)
                    .append("pendingEvents", List.of(new Document("id", UUID.randomUUID().toString()).append("payload", "{}")));
            if (batched) {
                batch.add(document);
                if (batch.size() == 1000) {
                    collection.insertMany(batch);
                    batch = new ArrayList<>();
                }
            } else {
                collection.insertOne(document);
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        return n / seconds(start);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
