package org.federation.event.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nimbusds.jose.jwk.ECKey;

/**
 * A check-in burst: {@value #PEOPLE} distinct people's member credentials scanned at one activity by
 * {@value #SCANNERS} door scanners as fast as the service accepts them, with {@value #REPEAT_SHARE}
 * of scans repeated (people scanning twice). Prints accepted check-ins per second, p50/p99 latency,
 * and checks that the final attendance is exactly the number of distinct people. Never fails on a
 * timing. Run apart:
 * {@code ./mvnw -o -pl event-service/event-app -am test -Dgroups=bench -Dsurefire.excludedGroups=none
 * -Dtest=CheckInBurstBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
@EventServiceTest
class CheckInBurstBenchmark extends EmbeddedBackboneProperties {

    static final int PEOPLE = Integer.getInteger("bench.people", 10_000);
    static final int SCANNERS = Integer.getInteger("bench.scanners", 16);
    static final double REPEAT_SHARE = 0.2;

    @Autowired
    ClubDirectory directory;

    @Test
    void burst() throws Exception {
        String[] made = CheckInTest.clubAndActivity(app(), directory, 700);
        String club = made[0];
        String path = "/api/activities/" + made[1] + "/check-ins/credential";
        ECKey key = CheckInTest.publishedKey(mongo);
        Instant issued = Instant.now().minusSeconds(60);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            bodies.add("{\"credential\":\"" + CheckInTest.credential(key, "2090" + String.format("%06d", i), club, issued) + "\"}");
        }
        List<String> scans = new ArrayList<>(bodies);
        Random random = new Random(42);
        for (int i = 0; i < PEOPLE * REPEAT_SHARE; i++) {
            scans.add(bodies.get(random.nextInt(PEOPLE)));
        }
        Collections.shuffle(scans, random);
        HttpProbe scanner = Persona.LEADER.on(app());
        // warm-up on another activity so JIT and connection set-up are not measured
        String[] warm = CheckInTest.clubAndActivity(app(), directory, 701);
        for (int i = 0; i < 300; i++) {
            scanner.postJson("/api/activities/" + warm[1] + "/check-ins/walk-in", "{\"studentNumber\":\"2091" + i + "\"}");
        }

        long[] latencies = new long[scans.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong created = new AtomicLong();
        AtomicLong repeats = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(SCANNERS);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < SCANNERS; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < scans.size(); i = next.getAndIncrement()) {
                    long before = System.nanoTime();
                    int status = scanner.postJson(path, scans.get(i)).status();
                    latencies[i] = System.nanoTime() - before;
                    if (status == 201) {
                        created.incrementAndGet();
                    } else if (status == 200) {
                        repeats.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        long attendance = scanner.get("/api/activities/" + made[1] + "/attendance").json().get("attendance").asLong();
        System.out.printf("%nCHECK-IN BURST: %d scans (%d distinct people, %d repeats) by %d scanners in %.1f s%n"
                        + "  accepted check-ins/s: %.0f (all scans/s: %.0f)%n  latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "  201 new: %d, 200 repeat: %d, other: %d; final attendance %d (expected %d)%n%n",
                scans.size(), PEOPLE, scans.size() - PEOPLE, SCANNERS, seconds, created.get() / seconds, scans.size() / seconds,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6,
                created.get(), repeats.get(), failures.get(), attendance, PEOPLE);
        assertThat(attendance).isEqualTo(PEOPLE);
        assertThat(created.get()).isEqualTo(PEOPLE);
    }
}
