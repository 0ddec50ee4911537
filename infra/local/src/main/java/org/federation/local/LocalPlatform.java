package org.federation.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.federation.platform.devtoken.DevTokenIssuer;

/**
 * The whole platform on one machine, with nothing but a JDK: a real Kafka broker (child process,
 * localhost:9092), the embedded Mongo-wire store (localhost:27017, H2 file), the four services on
 * 8081–8084, a development token issuer on 9000 (demo users only), a mail server that catches every
 * e-mail (SMTP localhost:3025, shown at http://localhost:8025/), demo clubs loaded once. Data lives in {@code .federation-data/} (or
 * {@code FEDERATION_DATA}), so a restart finds the last run's topics and documents. Ctrl-C stops
 * everything in order: services, then the broker, then the store.
 */
public final class LocalPlatform {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && "business-time".equals(args[0])) {
            // the running platform's business clock (development only): see BusinessTime
            BusinessTime.run(java.util.Arrays.copyOfRange(args, 1, args.length), dataFolder());
            return;
        }
        long started = System.nanoTime();
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install(); // Tomcat logs through java.util.logging
        Path data = dataFolder();
        Path kafkaLibs = Path.of(System.getenv().getOrDefault("FEDERATION_KAFKA_LIB", "infra/kafka-broker/target/lib"));

        MongoWireStore store = new MongoWireStore(data.resolve("mongo").resolve("federation.mv"), 27017);
        KafkaBroker kafka = new KafkaBroker(data.resolve("kafka"), kafkaLibs, 9092, 9093);
        FederationApps[] apps = new FederationApps[1];
        DevTokenIssuer[] tokens = new DevTokenIssuer[1];
        LocalMailbox[] mailbox = new LocalMailbox[1];
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping the federation platform…");
            try {
                if (apps[0] != null) {
                    apps[0].close();
                }
                kafka.close();
                if (tokens[0] != null) {
                    tokens[0].close();
                }
                if (mailbox[0] != null) {
                    mailbox[0].close();
                }
            } catch (Exception e) {
                say("While stopping: " + e.getMessage());
            } finally {
                store.close();
                say("Stopped.");
                stopped.countDown();
            }
        }, "federation-stop"));

        // business time resumes where the last run's business-time command left it (never back)
        Duration businessOffset = BusinessTime.savedOffset(data);
        try {
            store.start();
            say("Mongo-wire store  mongodb://127.0.0.1:27017  (" + data.resolve("mongo").toAbsolutePath() + ")");
            kafka.start(Duration.ofSeconds(60));
            say("Kafka broker      " + kafka.bootstrapServers() + "  (pid " + kafka.pid() + ", "
                    + data.resolve("kafka").toAbsolutePath() + ")");
            tokens[0] = DevTokenIssuer.start(DevTokenIssuer.LOCAL_PORT, data.resolve("dev-issuer-key.json"));
            say("Token issuer      " + tokens[0].issuer() + "  (development only: POST /dev/token {\"user\": …}, GET /dev/users)");
            mailbox[0] = LocalMailbox.start(LocalMailbox.SMTP_PORT, LocalMailbox.WEB_PORT);
            say("Mail (SMTP)       smtp://" + mailbox[0].smtpHost() + ":" + mailbox[0].smtpPort()
                    + "  (development only: catches every e-mail, sends none on)");
            apps[0] = FederationApps.start(kafka.bootstrapServers(), store::uri, tokens[0].issuer(), true,
                    List.of("--spring.main.banner-mode=off", "--federation.business-clock.offset=" + businessOffset),
                    Map.of("notification-service", mailbox[0].notificationServiceArguments()));
        } catch (Exception | LinkageError e) {
            // without this the threads already started (the store's, the broker's) keep the JVM alive,
            // holding the data folder's lock, after the reason has scrolled away
            say("The federation platform could not start: " + e.getMessage());
            e.printStackTrace();
            System.exit(1); // runs the shutdown hook: stops what did start
        }
        say("");
        say("The federation platform is up in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s:");
        for (FederationApps.Service service : FederationApps.SERVICES) {
            say(String.format("  %-21s http://localhost:%d   (health /actuator/health, API /v3/api-docs)",
                    service.name(), service.port()));
            say(String.format("  %-21s http://localhost:%d   (operators: /actuator/health, /actuator/prometheus, "
                    + "/actuator/metrics, /actuator/deadletters, /actuator/businessclock)", "", service.managementPort()));
        }
        say("  e-mail sent           " + mailbox[0].page() + "   (every e-mail notification-service sent, newest first; JSON at /mails)");
        say("Try:  curl -s localhost:8081/api/clubs | head -c 600");
        say("      TOKEN=$(curl -s localhost:9000/dev/token -H 'Content-Type: application/json' -d '{\"user\":\"acmore-leader\"}' | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')");
        say("      curl -s localhost:8083/api/accounts?clubId=club-acmore -H \"Authorization: Bearer $TOKEN\"");
        say("Business time: the real time + " + businessOffset + ". To see deadlines fall due, move it on all four services:");
        say("      java -jar infra/local/target/federation-local-exec.jar business-time advance P30D");
        say("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static Path dataFolder() {
        return Path.of(System.getenv().getOrDefault("FEDERATION_DATA", ".federation-data"));
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
