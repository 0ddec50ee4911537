package org.federation.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.federation.club.ClubServiceApplication;
import org.federation.event.EventServiceApplication;
import org.federation.finance.FinanceServiceApplication;
import org.federation.notification.NotificationServiceApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four services in one JVM (each its own Spring context, configuration file and port),
 * which keeps the local platform small enough for a laptop. Used by the launcher and by the
 * end-to-end tests alike.
 */
public final class FederationApps implements AutoCloseable {

    /** One service: its name, default port, default management (Actuator) port, database and how to start it. */
    public record Service(String name, int port, int managementPort, String database,
                          Function<String[], ConfigurableApplicationContext> main) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("club-service", 8081, 9081, "club", ClubServiceApplication::start),
            new Service("event-service", 8082, 9082, "event", EventServiceApplication::start),
            new Service("finance-service", 8083, 9083, "finance", FinanceServiceApplication::start),
            new Service("notification-service", 8084, 9084, "notification", NotificationServiceApplication::start));

    private final List<ConfigurableApplicationContext> contexts;

    private FederationApps(List<ConfigurableApplicationContext> contexts) {
        this.contexts = contexts;
    }

    /**
     * Starts all four services in parallel against one broker and one store.
     *
     * @param mongoUri   database name → connection string
     * @param issuer     the token issuer every service trusts
     * @param extraArgs  more arguments for every service (e.g. {@code --server.port=0})
     */
    public static FederationApps start(String kafka, Function<String, String> mongoUri, String issuer, boolean demo,
                                       List<String> extraArgs) throws Exception {
        return start(kafka, mongoUri, issuer, demo, extraArgs, Map.of());
    }

    /**
     * As above, with arguments for one service only ({@code serviceArgs}, by service name, after
     * {@code extraArgs}), e.g. notification-service's SMTP server: the four share one JVM and one
     * classpath, so a setting meant for one would otherwise switch the feature on in all.
     */
    public static FederationApps start(String kafka, Function<String, String> mongoUri, String issuer, boolean demo,
                                       List<String> extraArgs, Map<String, List<String>> serviceArgs) throws Exception {
        // one logback configuration (logback.xml) for the shared JVM: four contexts started at once would
        // each reconfigure logging and race (tests start the platform more than once per JVM)
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        ExecutorService starters = Executors.newFixedThreadPool(SERVICES.size());
        try {
            List<Future<ConfigurableApplicationContext>> started = new ArrayList<>();
            for (Service service : SERVICES) {
                List<String> args = new ArrayList<>(List.of(
                        "--spring.kafka.bootstrap-servers=" + kafka,
                        "--spring.mongodb.uri=" + mongoUri.apply(service.database()),
                        "--spring.main.register-shutdown-hook=false",
                        "--federation.security.issuer=" + issuer,
                        "--federation.demo.enabled=" + demo,
                        // the local platform is where development defaults (e.g. the check-in code secret) apply
                        "--spring.profiles.active=local"));
                args.addAll(extraArgs);
                args.addAll(serviceArgs.getOrDefault(service.name(), List.of()));
                started.add(starters.submit(() -> service.main().apply(args.toArray(String[]::new))));
            }
            List<ConfigurableApplicationContext> contexts = new ArrayList<>();
            for (Future<ConfigurableApplicationContext> context : started) {
                contexts.add(context.get());
            }
            return new FederationApps(contexts);
        } finally {
            starters.shutdown();
        }
    }

    /** The port a service actually listens on. */
    public int port(String service) {
        return Integer.parseInt(property(service, "local.server.port"));
    }

    /** The port a service's Actuator (metrics, detailed health, operator commands) actually listens on. */
    public int managementPort(String service) {
        return Integer.parseInt(property(service, "local.management.port"));
    }

    private String property(String service, String name) {
        for (ConfigurableApplicationContext context : contexts) {
            if (service.equals(context.getEnvironment().getProperty("spring.application.name"))) {
                return context.getEnvironment().getProperty(name);
            }
        }
        throw new IllegalArgumentException("no service " + service);
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
