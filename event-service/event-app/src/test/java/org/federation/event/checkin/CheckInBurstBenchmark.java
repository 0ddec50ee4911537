package org.federation.event.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.bson.Document;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;

/**
 * A check-in burst and its limit, in one run on one machine.
 * <ol>
 * <li><b>Limit</b>: the rate of each step a credential check-in cannot avoid, measured here and now —
 * ES256 verifications through JCA on as many threads as cores; the cheapest refusal of the check-in
 * endpoint (the same security and observation filters, no store access); single-document reads by
 * {@code _id} ({@value #READS_PER_CHECK_IN} per check-in: the activity, its organising club's leaders,
 * the credential's revocation, the person's registration) and one insert, with the plain driver on the
 * same embedded store. These costs add up on the same cores, so the limit is 1 / Σ (steps / rate).</li>
 * <li><b>Burst</b>: {@value #PEOPLE} distinct people's member credentials, plus {@value #REPEAT_SHARE} of
 * them scanned again, shuffled, by {@value #SCANNERS} door scanners as fast as the service accepts them:
 * accepted check-ins/s (and as % of the limit), p50/p99/max, and the final attendance, which must be
 * exactly the number of distinct people.</li>
 * <li><b>Steady</b>: {@code bench.steady} further people at half the limit, paced open-loop (each scan
 * sent at its planned time whether or not earlier ones were answered; latency counted from the planned
 * time, so a stall is not hidden): p50/p99.</li>
 * </ol>
 * Never fails on a timing, only on a wrong attendance. Run apart (see docs/benchmarks.md):
 * {@code ./mvnw -o -pl event-service/event-app test -Dgroups=bench -Dsurefire.excludedGroups=none
 * -Dtest=CheckInBurstBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dspring-boot.repackage.skip=true}.
 */
@Tag("bench")
@EventServiceTest
class CheckInBurstBenchmark extends EmbeddedBackboneProperties {

    static final int PEOPLE = Integer.getInteger("bench.people", 10_000);
    static final int SCANNERS = Integer.getInteger("bench.scanners", 16);
    static final int STEADY = Integer.getInteger("bench.steady", 3_000);
    static final double REPEAT_SHARE = 0.2;
    /** Activity, organising club's leaders, revocation, registration. */
    static final int READS_PER_CHECK_IN = 4;
    static final long STEP_NANOS = Long.getLong("bench.step-millis", 3_000) * 1_000_000;

    @Autowired
    ClubDirectory directory;

    @Test
    void burst() throws Exception {
        ECKey key = CheckInTest.publishedKey(mongo);
        Instant issued = Instant.now().minusSeconds(60);
        String[] made = CheckInTest.clubAndActivity(app(), directory, 700);
        String path = "/api/activities/" + made[1] + "/check-ins/credential";
        List<String> bodies = credentials(key, "2090", made[0], PEOPLE, issued);
        List<String> scans = new ArrayList<>(bodies);
        Random random = new Random(42);
        for (int i = 0; i < PEOPLE * REPEAT_SHARE; i++) {
            scans.add(bodies.get(random.nextInt(PEOPLE)));
        }
        Collections.shuffle(scans, random);
        HttpProbe scanner = Persona.LEADER.on(app());
        // warm-up on another activity so JIT and connection set-up are not measured
        String[] warm = CheckInTest.clubAndActivity(app(), directory, 701);
        List<String> warmCredentials = credentials(key, "2093", warm[0], 300, issued);
        for (int i = 0; i < 300; i++) {
            scanner.postJson("/api/activities/" + warm[1] + "/check-ins/walk-in", "{\"studentNumber\":\"2091" + i + "\"}");
            scanner.postJson("/api/activities/" + warm[1] + "/check-ins/credential", warmCredentials.get(i));
        }

        System.out.printf("%nCHECK-IN LIMIT (%d cores, %s %s)%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Rate verifications = es256Rate(key, bodies.get(0));
        Rate refusals = run(SCANNERS, () -> scanner.postJson(path, "{\"credential\":\"\"}").status() == 400);
        MongoCollection<Document> store = mongo.getDb().getCollection("bench-limit-" + System.nanoTime());
        for (int i = 0; i < 1_000; i++) {
            store.insertOne(new Document("_id", "read|" + i).append("revokedAt", new java.util.Date()));
        }
        AtomicInteger reading = new AtomicInteger();
        Rate reads = run(SCANNERS, () -> store.find(Filters.eq("_id", "read|" + (reading.incrementAndGet() % 1_000)))
                .first() != null);
        AtomicInteger inserting = new AtomicInteger();
        Rate inserts = run(SCANNERS, () -> {
            store.insertOne(checkInLike("insert|" + inserting.incrementAndGet()));
            return true;
        });
        store.drop();
        double limit = 1 / (1 / verifications.perSecond() + 1 / refusals.perSecond()
                + READS_PER_CHECK_IN / reads.perSecond() + 1 / inserts.perSecond());
        double stepsCpu = verifications.cpuMicros() + refusals.cpuMicros() + READS_PER_CHECK_IN * reads.cpuMicros()
                + inserts.cpuMicros();
        System.out.printf("  ES256 verifications/s (JCA, %d threads): %s%n  cheapest refusal of the check-in endpoint/s"
                        + " (%d clients): %s%n  single-document reads by _id/s: %s (x%d per check-in)%n"
                        + "  single-document inserts/s: %s%nlimit %.0f check-ins/s = 1 / (1/%.0f + 1/%.0f + %d/%.0f + 1/%.0f);"
                        + " CPU of these steps per check-in %.0f µs; load average %s%n",
                Runtime.getRuntime().availableProcessors(), verifications, SCANNERS, refusals, reads, READS_PER_CHECK_IN,
                inserts, limit, verifications.perSecond(), refusals.perSecond(), READS_PER_CHECK_IN, reads.perSecond(),
                inserts.perSecond(), stepsCpu, loadAverage());

        long[] latencies = new long[scans.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong created = new AtomicLong();
        AtomicLong repeats = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(SCANNERS);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < SCANNERS; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < scans.size(); i = next.getAndIncrement()) {
                    long before = System.nanoTime();
                    int status = scanner.postJson(path, scans.get(i)).status();
                    latencies[i] = System.nanoTime() - before;
                    count(status, created, repeats, failures);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerCheckIn = (processCpuNanos() - cpuBefore) / 1e3 / created.get();
        pool.shutdown();
        long attendance = attendance(scanner, made[1]);
        double accepted = created.get() / seconds;
        System.out.printf("%nCHECK-IN BURST: %d scans (%d distinct people, %d repeats) by %d scanners in %.1f s%n"
                        + "  accepted check-ins/s: %.0f = %.0f %% of limit (all scans/s: %.0f)%n  latency %s%n"
                        + "  201 new: %d, 200 repeat: %d, other: %d; final attendance %d (expected %d)%n"
                        + "  process CPU per accepted check-in (repeats included, client too): %.0f µs = %.0f %% of the steps' CPU;"
                        + " load average %s%n",
                scans.size(), PEOPLE, scans.size() - PEOPLE, SCANNERS, seconds, accepted, 100 * accepted / limit,
                scans.size() / seconds, percentiles(latencies), created.get(), repeats.get(), failures.get(), attendance, PEOPLE,
                cpuPerCheckIn, 100 * stepsCpu / cpuPerCheckIn, loadAverage());
        assertThat(attendance).isEqualTo(PEOPLE);
        assertThat(created.get()).isEqualTo(PEOPLE);

        steady(key, scanner, issued, limit / 2);
    }

    /** {@link #STEADY} new people at {@code rate}/s, each scan sent at its planned time (open loop). */
    private void steady(ECKey key, HttpProbe scanner, Instant issued, double rate) throws Exception {
        String[] made = CheckInTest.clubAndActivity(app(), directory, 702);
        String path = "/api/activities/" + made[1] + "/check-ins/credential";
        List<String> bodies = credentials(key, "2092", made[0], STEADY, issued);
        long[] latencies = new long[STEADY];
        AtomicInteger next = new AtomicInteger();
        AtomicLong created = new AtomicLong();
        AtomicLong repeats = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        // enough senders that a slow answer never delays the next planned scan
        int senders = 64;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long interval = (long) (1e9 / rate);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime() + 100_000_000;
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < senders; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < STEADY; i = next.getAndIncrement()) {
                    long planned = start + i * interval;
                    for (long wait = planned - System.nanoTime(); wait > 0; wait = planned - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    int status = scanner.postJson(path, bodies.get(i)).status();
                    latencies[i] = System.nanoTime() - planned;
                    count(status, created, repeats, failures);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long attendance = attendance(scanner, made[1]);
        System.out.printf("%nCHECK-IN STEADY at half the limit: %d new people planned at %.0f/s, done in %.1f s (%.0f/s)%n"
                        + "  latency from the planned time %s%n  201 new: %d, other: %d; final attendance %d (expected %d)%n"
                        + "  process CPU per check-in %.0f µs; load average %s%n%n",
                STEADY, rate, seconds, STEADY / seconds, percentiles(latencies), created.get(), repeats.get() + failures.get(),
                attendance, STEADY, (processCpuNanos() - cpuBefore) / 1e3 / STEADY, loadAverage());
        assertThat(attendance).isEqualTo(STEADY);
    }

    /** ES256 verifications per second through JCA on as many threads as cores, of a real credential's signature. */
    private static Rate es256Rate(ECKey key, String body) throws Exception {
        String jws = body.substring(body.indexOf(':') + 2, body.lastIndexOf('"'));
        byte[] signingInput = jws.substring(0, jws.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        byte[] der = ECDSA.transcodeSignatureToDER(new Base64URL(jws.substring(jws.lastIndexOf('.') + 1)).decode());
        ECPublicKey publicKey = key.toECPublicKey();
        ThreadLocal<Signature> verifiers = ThreadLocal.withInitial(() -> {
            try {
                Signature signature = Signature.getInstance("SHA256withECDSA");
                signature.initVerify(publicKey);
                return signature;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return run(Runtime.getRuntime().availableProcessors(), () -> {
            Signature signature = verifiers.get();
            signature.update(signingInput);
            return signature.verify(der);
        });
    }

    interface Step {
        boolean once() throws Exception;
    }

    /** A step's rate, and the process CPU it took per step (the machine is shared: CPU per step is steadier than the rate). */
    record Rate(double perSecond, double cpuMicros) {
        @Override
        public String toString() {
            return String.format("%.0f (%.0f µs CPU each)", perSecond, cpuMicros);
        }
    }

    /** Steps done per second by {@code threads} threads over {@link #STEP_NANOS} after a warm-up of a third of it. */
    private static Rate run(int threads, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        long[] cpuFrom = new long[1];
        // marks the CPU used so far when the warm-up ends, on a thread of its own (not taking a worker)
        Thread cpuMark = new Thread(() -> {
            LockSupport.parkNanos(STEP_NANOS / 3);
            cpuFrom[0] = processCpuNanos();
        });
        cpuMark.start();
        long warmUntil = System.nanoTime() + STEP_NANOS / 3;
        long measureFrom = warmUntil;
        long until = warmUntil + STEP_NANOS;
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (long now = System.nanoTime(); now < until; now = System.nanoTime()) {
                    if (!step.once()) {
                        throw new IllegalStateException("a limit step did not do what it measures");
                    }
                    if (now >= measureFrom) {
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        cpuMark.join();
        long cpu = processCpuNanos() - cpuFrom[0];
        pool.shutdown();
        return new Rate(done.get() / (STEP_NANOS / 1e9), cpu / 1e3 / done.get());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (java.io.IOException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static Document checkInLike(String id) {
        return new Document("_id", id).append("activityId", "act-bench").append("person", id).append("method", "credential")
                .append("walkIn", true).append("clubId", "club-bench").append("at", new java.util.Date())
                .append("recordedBy", "2099000007").append("registered", false);
    }

    private static List<String> credentials(ECKey key, String prefix, String club, int count, Instant issued) throws Exception {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add("{\"credential\":\"" + CheckInTest.credential(key, prefix + String.format("%06d", i), club, issued) + "\"}");
        }
        return bodies;
    }

    private static void count(int status, AtomicLong created, AtomicLong repeats, AtomicLong failures) {
        if (status == 201) {
            created.incrementAndGet();
        } else if (status == 200) {
            repeats.incrementAndGet();
        } else {
            failures.incrementAndGet();
        }
    }

    private static long attendance(HttpProbe scanner, String activityId) {
        return scanner.get("/api/activities/" + activityId + "/attendance").json().get("attendance").asLong();
    }

    private static String percentiles(long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
