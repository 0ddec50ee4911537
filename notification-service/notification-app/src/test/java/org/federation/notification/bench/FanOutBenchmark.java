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
import org.federation.platform.testing.ConsumerGroups;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoCollection;

/**
 * Fan-out of one notice to every member of 150 clubs (30,000 recipients) through the running app
 * on the embedded backbone, after {@value #WARM_UPS_DEFAULT} fan-outs of the same size that warm the
 * code up (a service that has run a while has its fan-out path compiled; the raw inserts below run
 * warm too; each warm-up's notices and work items are removed after it): time until every inbox has
 * it, deliveries (inbox notices) per second, time until every notice-posted event is on Kafka (goal:
 * at most 1.5 times the first), heap used, GC and JIT time, the whole process's CPU and each thread
 * group's; next to the raw rate of inserting the same documents with the MongoDB driver in batches,
 * in the same run (goal: the inbox rate at least half of it), and into a copy of the inbox's indexes
 * for comparison. Printed, never asserted. Run with
 * {@code ./mvnw -o -pl notification-service/notification-app test -Dgroups=bench -Dsurefire.excludedGroups=none
 * -Dtest=FanOutBenchmark -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.clubs}, {@code -Dbench.members}
 * to resize, {@code -Dbench.warm-ups} for more or fewer warm-up fan-outs).
 */
@Tag("bench")
@NotificationServiceTest
class FanOutBenchmark extends EmbeddedBackboneProperties {

    static final int CLUBS = Integer.getInteger("bench.clubs", 150);
    static final int MEMBERS = Integer.getInteger("bench.members", 200);
    /** Fan-outs of the same size before the measured one, so that it runs on compiled code. */
    static final int WARM_UPS_DEFAULT = 5;
    static final int WARM_UPS = Integer.getInteger("bench.warm-ups", WARM_UPS_DEFAULT);

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

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 50, TimeUnit.MILLISECONDS);

        HttpProbe sender = Persona.ORGANIZATION_MEMBER.on(app());
        // a service that has been running a while has its fan-out path compiled, and so have the raw
        // inserts below by the time they run: fan-outs of the same size first warm it up
        List<String> warmUps = new ArrayList<>();
        for (int w = 1; w <= WARM_UPS; w++) {
            long warmUpStart = System.nanoTime();
            String warmUpId = fanOutToAllClubs(sender, "Warm-up " + w);
            awaitSent(sender, warmUpId);
            double warmUpSeconds = seconds(warmUpStart);
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                    !mongo.exists(query(where("pendingEvents.0").exists(true)), Inboxes.COLLECTION));
            ConsumerGroups.awaitCaughtUp("notification-service", "notification.events", Duration.ofMinutes(5));
            warmUps.add(String.format("%.1f s (%.0f /s)", warmUpSeconds, inboxes.countOfDirectNotice(warmUpId) / warmUpSeconds));
            // the store runs in this JVM: a warm-up's 30,000 notices and work items kept would only fill the heap
            // (with five warm-ups GC took over and the raw inserts fell to a tenth)
            mongo.remove(query(where("directNoticeId").is(warmUpId)), Inboxes.COLLECTION);
            mongo.remove(query(where("kind").is("acknowledgement")), "work-items");
        }

        java.util.Map<String, Long> cpuAtStart = cpuByThreadGroup();
        long gcAtStart = gcMillis();
        long processAtStart = processCpu();
        long jitAtStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long start = System.nanoTime();
        String id = fanOutToAllClubs(sender, "Club Showcase Festival");
        long accepted = System.nanoTime();
        awaitSent(sender, id);
        double inboxesSeconds = seconds(start);
        java.util.Map<String, Long> cpuAtInboxes = cpuByThreadGroup();
        long gcAtInboxes = gcMillis();
        long processAtInboxes = processCpu();
        long jitAtInboxes = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long inInboxes = inboxes.countOfDirectNotice(id);
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                !mongo.exists(query(where("directNoticeId").is(id).and("pendingEvents.0").exists(true)), Inboxes.COLLECTION));
        double eventsSeconds = seconds(start);
        java.util.Map<String, Long> cpuAtEvents = cpuByThreadGroup();
        long gcAtEvents = gcMillis();
        long processAtEvents = processCpu();
        long jitAtEvents = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        sampler.shutdown();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();

        double rate = inInboxes / inboxesSeconds;
        // the raw inserts are measured on a store and cores the service no longer uses: its consumers catch up first
        ConsumerGroups.awaitCaughtUp("notification-service", "notification.events", Duration.ofMinutes(5));
        double rawBatched = medianOfThree(() -> rawInsertsOf(id, false));
        double rawIndexed = medianOfThree(() -> rawInsertsOf(id, true));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("%n== Fan-out benchmark: one notice to every member of %d clubs (%d recipients), Mongo-wire memory backend%n",
                CLUBS, recipients);
        System.out.printf("warm-up fan-outs first (not counted)  : %s%n", String.join(", ", warmUps));
        System.out.printf("request accepted (202) after          : %8.0f ms%n", (accepted - start) / 1e6);
        System.out.printf("every inbox has it after              : %8.1f s  (%d notices)%n", inboxesSeconds, inInboxes);
        System.out.printf("inbox deliveries per second           : %8.0f /s%n", rate);
        System.out.printf("every notice-posted event on Kafka at : %8.1f s%n", eventsSeconds);
        System.out.printf("Kafka / inboxes                       : %8.2f    (goal <= 1.5: %s)%n", eventsSeconds / inboxesSeconds,
                eventsSeconds / inboxesSeconds <= 1.5 ? "met" : "not met");
        System.out.printf("raw insertMany of the same documents  : %8.0f docs/s (batches of %d, one thread; median of 3)%n", rawBatched,
                RAW_BATCH);
        System.out.printf("inbox rate / raw batched rate         : %8.0f %%   (goal >= 50 %%: %s)%n", 100 * rate / rawBatched,
                rate / rawBatched >= 0.5 ? "met" : "not met");
        System.out.printf("the same into a copy of the inbox's indexes : %8.0f docs/s (the inbox rate is %.0f %% of it; for comparison)%n",
                rawIndexed, 100 * rate / rawIndexed);
        System.out.printf("heap used before / peak / after (GC)  : %6.0f / %6.0f / %6.0f MB%n", mb(heapBefore), mb(peak.get()),
                mb(heapAfter));
        System.out.printf("load average (1 min) at the end       : %8.2f%n", load);
        System.out.printf("garbage collection (all collectors)   : %6.2f / %6.2f s until every inbox / every event on Kafka%n",
                (gcAtInboxes - gcAtStart) / 1e3, (gcAtEvents - gcAtStart) / 1e3);
        System.out.printf("JIT code cache used / reserved        : %6.0f / %6.0f MB%n", mb(codeCache(java.lang.management.MemoryUsage::getUsed)),
                mb(codeCache(java.lang.management.MemoryUsage::getMax)));
        System.out.printf("JIT compiling, elapsed (not CPU) time : %6.2f / %6.2f s%n", (jitAtInboxes - jitAtStart) / 1e3,
                (jitAtEvents - jitAtStart) / 1e3);
        System.out.printf("CPU of the whole process              : %6.2f / %6.2f s (of %.1f / %.1f s on %d cores; with GC and JIT threads)%n",
                (processAtInboxes - processAtStart) / 1e9, (processAtEvents - processAtStart) / 1e9,
                inboxesSeconds * CORES, eventsSeconds * CORES, CORES);
        System.out.printf("CPU seconds by thread group           : until every inbox / until every event on Kafka%n");
        cpuAtEvents.keySet().stream().sorted((a, b) -> Long.compare(cpuAtEvents.get(b) - cpuAtStart.getOrDefault(b, 0L),
                cpuAtEvents.get(a) - cpuAtStart.getOrDefault(a, 0L))).limit(12).forEach(group ->
                System.out.printf("  %-44s: %6.2f / %6.2f%n", group,
                        (cpuAtInboxes.getOrDefault(group, 0L) - cpuAtStart.getOrDefault(group, 0L)) / 1e9,
                        (cpuAtEvents.get(group) - cpuAtStart.getOrDefault(group, 0L)) / 1e9));
        System.out.println();
    }

    static final int RAW_BATCH = 500;

    /** Posts a direct notice to every member of every club; its id once accepted (202). */
    private static String fanOutToAllClubs(HttpProbe sender, String title) {
        HttpProbe.Response sent = sender.postJson("/api/direct-notices", ("{\"department\":\"organization\",\"title\":\"%s\","
                + "\"body\":\"Opening gala on Saturday at 19:00.\",\"audience\":\"all-clubs\",\"reach\":\"members\","
                + "\"acknowledgeBy\":\"%s\"}").formatted(title, Instant.now().plus(Duration.ofDays(7))));
        if (sent.status() != 202) {
            throw new AssertionError(sent.status() + " " + sent.body());
        }
        return sent.json().get("id").asString();
    }

    /** Waits until the direct notice is in every inbox (its state {@code sent}). */
    private static void awaitSent(HttpProbe sender, String id) {
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> "sent".equals(sender.get("/api/direct-notices/" + id).json().get("state").asString()));
    }

    /**
     * Inserts the run's own notice documents again, as the fan-out wrote them, straight through the
     * driver into a fresh collection: unordered {@code insertMany} in batches of {@value #RAW_BATCH}
     * (the fan-out's batch) on one thread. The relay has pulled their {@code notice-posted} events by
     * now, so each gets back a pending event with the fields the store keeps (id, type, source, subject,
     * time, actor, sequence, the payload's JSON) and the payload's size. With {@code inboxIndexes}, the
     * fresh collection first gets every index the inbox's collection has (the embedded store updates
     * each on every insert). Documents per second.
     */
    private double rawInsertsOf(String directNoticeId, boolean inboxIndexes) {
        List<Document> documents = new ArrayList<>();
        for (Document stored : mongo.getCollection(Inboxes.COLLECTION).find(new Document("directNoticeId", directNoticeId))) {
            Document payload = new Document(stored);
            payload.remove("pendingEvents");
            payload.remove("version");
            payload.remove("lastSequence");
            stored.put("pendingEvents", List.of(new Document("id", UUID.randomUUID().toString())
                    .append("type", "org.federation.notification.notice-posted.v1").append("source", "/notification-service")
                    .append("subject", stored.getString("_id")).append("time", new Date()).append("actor", "2023030001")
                    .append("sequence", 1L).append("payload", payload.toJson())));
            stored.put("_id", "raw:" + stored.getString("_id"));
            documents.add(stored);
        }
        MongoCollection<Document> collection = mongo.getDb().getCollection("raw_" + UUID.randomUUID().toString().substring(0, 6));
        if (inboxIndexes) {
            for (Document index : mongo.getCollection(Inboxes.COLLECTION).listIndexes()) {
                if (!"_id_".equals(index.getString("name"))) {
                    collection.createIndex(index.get("key", Document.class),
                            new com.mongodb.client.model.IndexOptions().unique(index.getBoolean("unique", false))
                                    .sparse(index.getBoolean("sparse", false)));
                }
            }
        }
        long start = System.nanoTime();
        for (int from = 0; from < documents.size(); from += RAW_BATCH) {
            collection.insertMany(documents.subList(from, Math.min(documents.size(), from + RAW_BATCH)),
                    new com.mongodb.client.model.InsertManyOptions().ordered(false));
        }
        double rate = documents.size() / seconds(start);
        collection.drop();
        return rate;
    }

    private static final java.util.regex.Pattern CONSUMER_THREAD = java.util.regex.Pattern.compile("consumerDestinationName='([^']+)'");

    /** The median of three measurements (one pass of 30,000 inserts varied by a factor of two from run to run). */
    private static double medianOfThree(java.util.function.DoubleSupplier measure) {
        double[] rates = {measure.getAsDouble(), measure.getAsDouble(), measure.getAsDouble()};
        java.util.Arrays.sort(rates);
        return rates[1];
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Nanoseconds of CPU the whole JVM used so far (all threads, those of the GC and the JIT too). */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The JIT's code heaps together (used or reserved): a full code cache stops or churns compilation. */
    private static long codeCache(java.util.function.ToLongFunction<java.lang.management.MemoryUsage> measure) {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getName().startsWith("CodeHeap")
                || pool.getName().equals("Code Cache")).mapToLong(pool -> measure.applyAsLong(pool.getUsage())).sum();
    }

    /** Milliseconds spent in garbage collection so far, every collector together. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(gc -> Math.max(0, gc.getCollectionTime())).sum();
    }

    /** CPU time so far of every live thread, summed by its name without digits (a pool's threads together). */
    private static java.util.Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> byGroup = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                java.util.regex.Matcher consumer = CONSUMER_THREAD.matcher(info.getThreadName());
                String group = consumer.find() ? "consumers of " + consumer.group(1)
                        : info.getThreadName().replaceAll("\\d+", "#");
                byGroup.merge(group.length() > 44 ? group.substring(0, 44) : group, cpu, Long::sum);
            }
        }
        return byGroup;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
