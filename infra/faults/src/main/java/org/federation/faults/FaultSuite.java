package org.federation.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The whole platform under faults, with two instances of every service: nothing lost, nothing
 * doubled. Starts the platform as separate processes ({@link Platform}), drives the
 * {@link Workload}, injects {@link Faults} while it runs, waits for {@link Quiescence}, checks the
 * {@link Invariants} and prints a table. The short (CI) version injects every fault kind once; with
 * {@code -Dfaults.duration=PT10M} (or {@code FAULTS_DURATION}) faults keep coming until the time is up.
 * Exits non-zero, naming the aggregate, when an invariant fails.
 */
public final class FaultSuite {

    /** What a run found: the table and whether every invariant held. */
    public record Result(boolean passed, String table, Duration took) {
    }

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        Result result = run(Settings.fromSystem());
        System.exit(result.passed() ? 0 : 1);
    }

    public static Result run(Settings settings) throws Exception {
        Instant started = Instant.now();
        quietClients();
        Random random = new Random(settings.seed());
        System.out.println("[faults] seed " + settings.seed() + ", " + (settings.shortVersion() ? "short version"
                : "long version, " + settings.duration()) + ", work folder " + settings.work().toAbsolutePath());
        try (Platform platform = Platform.start(settings.work(), settings.kafkaLibs(), settings.classpath());
             Topics topics = new Topics(platform.kafka())) {
            Duration startup = Duration.between(started, Instant.now());
            System.out.println("[faults] platform up in " + startup.toSeconds() + " s: " + platform.describe());
            People people = new People(platform);
            Ledger ledger = new Ledger();
            Workload workload = new Workload(platform, people, ledger, settings.clients());
            Faults faults = new Faults(platform, topics, random);
            Quiescence quiescence = new Quiescence(platform, people, topics);

            workload.start();
            Instant workloadStarted = Instant.now();
            Waits.pause(Duration.ofSeconds(20));
            List<String> kinds = new ArrayList<>(Faults.KINDS);
            Collections.shuffle(kinds, random);
            for (String kind : kinds) {
                faults.inject(kind);
                Waits.pause(Duration.ofSeconds(3 + random.nextInt(8)));
            }
            if (!settings.shortVersion()) {
                // the duration is the time under workload and faults (startup, quiescence and checks come on top)
                Instant until = workloadStarted.plus(settings.duration());
                while (Instant.now().isBefore(until)) {
                    faults.inject(Faults.KINDS.get(random.nextInt(Faults.KINDS.size())));
                    Waits.pause(Duration.ofSeconds(5 + random.nextInt(20)));
                }
            }
            workload.stop();
            Duration quiet = quiescence.await(Duration.ofMinutes(6));
            System.out.println("[faults] at rest after " + quiet.toSeconds() + " s");

            Invariants invariants = new Invariants(platform, people, ledger, topics, faults, quiescence);
            List<Invariants.Check> checks = invariants.check();
            // read models fed by sweeps (late clubs, fan-outs) may still be settling: look again for a while
            Instant lookAgainUntil = Instant.now().plus(Duration.ofMinutes(2));
            while (!checks.stream().allMatch(Invariants.Check::holds) && Instant.now().isBefore(lookAgainUntil)) {
                Waits.pause(Duration.ofSeconds(10));
                quiescence.await(Duration.ofMinutes(3));
                checks = invariants.check();
            }
            Duration took = Duration.between(started, Instant.now());
            String table = table(ledger, faults, checks, startup, took);
            System.out.println(table);
            return new Result(checks.stream().allMatch(Invariants.Check::holds), table, took);
        }
    }

    /** The suite's own Kafka and Mongo clients log only warnings (the children keep their own logging). */
    private static void quietClients() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static String table(Ledger ledger, Faults faults, List<Invariants.Check> checks, Duration startup, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("\n==================== fault suite ====================\n");
        out.append(String.format("platform started in %d s; whole run %d s (%s)%n", startup.toSeconds(), took.toSeconds(), took));
        out.append("\nCommands (client view; retried = answered only after more than one attempt)\n");
        Map<String, Map<String, Long>> byKind = new TreeMap<>();
        ledger.counts.forEach((key, n) -> {
            int colon = key.indexOf(": ");
            byKind.computeIfAbsent(key.substring(0, colon), k -> new TreeMap<>()).put(key.substring(colon + 2), n.get());
        });
        out.append(String.format("  %-22s %6s %9s %8s  %s%n", "command", "sent", "accepted", "retried", "other outcomes"));
        byKind.forEach((kind, counts) -> {
            Map<String, Long> other = new TreeMap<>(counts);
            long sent = other.remove("sent") == null ? 0 : counts.get("sent");
            Long accepted = other.remove("accepted");
            Long retried = other.remove("retried");
            out.append(String.format("  %-22s %6d %9d %8d  %s%n", kind, sent, accepted == null ? 0 : accepted,
                    retried == null ? 0 : retried, other.isEmpty() ? "" : other));
        });
        out.append("\nFaults (recovery = until every instance is ready and every group caught up)\n");
        out.append(String.format("  %-36s %-10s %s%n", "fault", "recovery", "what"));
        for (Faults.Injected fault : faults.injected) {
            out.append(String.format("  %-36s %-10s %s%n", fault.kind(), fault.recovery().toSeconds() + " s", fault.detail()));
        }
        out.append("\nInvariants\n");
        out.append(String.format("  %-6s %8s %5s %8s  %s%n", "", "checked", "lost", "doubled", "invariant"));
        for (Invariants.Check check : checks) {
            out.append(String.format("  %-6s %8d %5d %8d  %s%n", check.holds() ? "ok" : "FAILED", check.checked,
                    check.lost, check.doubled, check.name));
            check.problems.forEach(p -> out.append("           ! ").append(p).append('\n'));
        }
        out.append("=====================================================\n");
        return out.toString();
    }
}
