package org.federation.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.federation.platform.devtoken.DevTokenIssuer;

/**
 * The platform as production runs it, on this machine: one Kafka broker, the Mongo-wire store,
 * two instances of each of the four services (all separate processes, on free ports) and the
 * development token issuer (in the suite's JVM, so it outlives every instance restart).
 */
final class Platform implements AutoCloseable {

    /** A service: its name, main class and database. */
    record Service(String name, String mainClass, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("club-service", "org.federation.club.ClubServiceApplication", "club"),
            new Service("event-service", "org.federation.event.EventServiceApplication", "event"),
            new Service("finance-service", "org.federation.finance.FinanceServiceApplication", "finance"),
            new Service("notification-service", "org.federation.notification.NotificationServiceApplication", "notification"));

    static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final Path work;
    private final Broker broker;
    private final ChildProcess store;
    private final int storePort;
    private final DevTokenIssuer issuer;
    private final List<Instance> instances = new ArrayList<>();

    private Platform(Path work, Broker broker, ChildProcess store, int storePort, DevTokenIssuer issuer, String classpath) {
        this.work = work;
        this.broker = broker;
        this.store = store;
        this.storePort = storePort;
        this.issuer = issuer;
        for (Service service : SERVICES) {
            for (int i = 1; i <= 2; i++) {
                instances.add(new Instance(service.name(), service.mainClass(), service.database(), i, classpath,
                        work.resolve("logs"), broker.bootstrapServers(), storePort, issuer.issuer()));
            }
        }
    }

    /** Starts everything in a fresh work folder: store, broker, token issuer, then the eight instances at once. */
    static Platform start(Path work, Path kafkaLibs, String classpath) throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work.resolve("logs"));
        int storePort = ChildProcess.freePort();
        ChildProcess store = new ChildProcess("store", List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                classpath, StoreMain.class.getName(), List.of(work.resolve("store").resolve("federation.mv").toString(),
                String.valueOf(storePort)), work.resolve("logs").resolve("store.log"));
        store.start();
        Broker broker = new Broker(work.resolve("kafka"), kafkaLibs);
        broker.start(Duration.ofMinutes(2));
        Waits.until("the store listens on " + storePort, Duration.ofMinutes(1), () -> ChildProcess.portOpen(storePort));
        DevTokenIssuer issuer = DevTokenIssuer.start(ChildProcess.freePort());
        Platform platform = new Platform(work, broker, store, storePort, issuer, classpath);
        platform.instances.forEach(Instance::start);
        platform.awaitAllReady(START_TIMEOUT);
        return platform;
    }

    void awaitAllReady(Duration timeout) throws Exception {
        ExecutorService waiting = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<?>> all = new ArrayList<>();
            for (Instance instance : instances) {
                all.add(waiting.submit(() -> instance.awaitReady(timeout)));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            waiting.shutdownNow();
        }
    }

    boolean allReady() {
        return instances.stream().allMatch(Instance::ready);
    }

    /**
     * Every instance ready; an instance that exited by itself (the suite restarts every one it stops)
     * fails the wait at once: waiting longer would not bring it back.
     */
    boolean allReadyNoneExited() {
        for (Instance instance : instances) {
            if (instance.exited()) {
                String state = instance.state();
                System.out.println("[faults] " + instance.name() + " " + state + " by itself; the end of its log ("
                        + instance.log() + "):\n" + instance.logTail(80));
                throw new IllegalStateException(instance.name() + " " + state + " by itself");
            }
        }
        return allReady();
    }

    /**
     * For a wait that timed out: one line naming each instance that is not ready and why (the line CI
     * shows); the end of each one's log, its threads and the store's threads go to the output and the
     * logs folder.
     */
    String notReady() {
        // each instance's look (HTTP checks, a thread dump) at once: one at a time they could take minutes
        List<String> looks = instances.parallelStream().map(instance -> {
            String state = instance.state();
            if (state.equals("ready")) {
                return null;
            }
            System.out.println("[faults] " + instance.name() + " is not ready: " + state + "; " + instance.dumpThreads()
                    + "; the end of its log (" + instance.log() + "):\n" + instance.logTail(60));
            return instance.name() + ": " + state;
        }).filter(java.util.Objects::nonNull).toList();
        System.out.println("[faults] the store: " + store.dumpThreads(work.resolve("logs").resolve("store-threads-"
                + System.currentTimeMillis() + ".txt")) + "; the end of its log:\n" + store.logTail(20));
        return looks.isEmpty() ? " none now" : " " + String.join("; ", looks);
    }

    List<Instance> instances() {
        return instances;
    }

    List<Instance> instancesOf(String service) {
        return instances.stream().filter(i -> i.service().equals(service)).toList();
    }

    /** A running instance of the service, at random (requests go to either, as behind a load balancer). */
    Instance any(String service) {
        List<Instance> of = instancesOf(service);
        List<Instance> up = of.stream().filter(Instance::alive).toList();
        List<Instance> from = up.isEmpty() ? of : up;
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

    String kafka() {
        return broker.bootstrapServers();
    }

    Broker broker() {
        return broker;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + storePort;
    }

    void stopStore() {
        store.terminate(60);
    }

    void startStore() {
        store.start();
        Waits.until("the store listens again", Duration.ofMinutes(1), () -> ChildProcess.portOpen(storePort));
    }

    /** A token for anyone, from the development issuer every instance trusts. */
    String token(String subject, String name, List<String> roles) {
        return issuer.tokenFor(subject, name, roles);
    }

    Path work() {
        return work;
    }

    Map<String, Object> describe() {
        return Map.of("kafka", broker.bootstrapServers(), "store", mongoUri(), "issuer", issuer.issuer(),
                "instances", instances.stream().map(Instance::toString).toList());
    }

    @Override
    public void close() {
        instances.parallelStream().forEach(Instance::terminate);
        broker.stop();
        store.terminate(30);
        issuer.close();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
