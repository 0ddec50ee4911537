package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import org.federation.platform.testing.ConsumerGroups;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;

/**
 * The four services started together with their demo data on the test JVM's embedded backbone,
 * once per test class, and demo users signing in to them the way the README shows.
 */
abstract class AcrossServices {

    static FederationApps apps;
    /** The platform's mail server, as the local platform has it: notification-service sends its e-mail there. */
    static LocalMailbox mailbox;

    /**
     * Starts the platform, each service's database named {@code <databasePrefix><database>};
     * {@code arguments} add to (or override) the apps' command line, after {@code --server.port=0 --management.server.port=0}.
     */
    static void startPlatform(String databasePrefix, String... arguments) throws Exception {
        EmbeddedBackbone backbone = EmbeddedBackbone.get();
        List<String> commandLine = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0"));
        commandLine.addAll(List.of(arguments));
        mailbox = LocalMailbox.start(0, 0);
        apps = FederationApps.start(backbone.kafkaBootstrapServers(), db -> backbone.mongoUri(databasePrefix + db),
                TestTokens.issuer().issuer(), true, commandLine,
                Map.of("notification-service", mailbox.notificationServiceArguments()));
    }

    @AfterAll
    static void stopPlatform() {
        if (apps != null) {
            apps.close();
            apps = null;
        }
        if (mailbox != null) {
            mailbox.close();
            mailbox = null;
        }
    }

    /**
     * Waits until a consumer group has read everything on a topic so far, e.g. notification-service
     * has every club's members before an activity of theirs is routed (topics are not ordered with
     * each other, so an activity event may otherwise overtake the membership it is routed by).
     */
    static void awaitCaughtUp(String group, String topic) {
        ConsumerGroups.awaitCaughtUp(group, topic, Duration.ofSeconds(60));
    }

    /**
     * The running platform's business clock: moved by the local platform's own command (each service's
     * {@code /actuator/businessclock}), so a test lets a deadline pass without waiting for it.
     */
    static BusinessTime businessTime() {
        return new BusinessTime(TestTokens.issuer().issuer(), FederationApps.SERVICES.stream()
                .map(s -> apps.managementPort(s.name())).toList());
    }

    /** A demo user signed in to one of the services. */
    static HttpProbe signIn(String demoUser, String service) {
        return signIn(demoUser, HttpProbe.onPort(apps.port(service)));
    }

    /**
     * Signs a demo user in: a token from the issuer's {@code POST /dev/token}. Like the portal, the
     * probe sends a fresh {@code Idempotency-Key} with every command (money commands require one).
     */
    static HttpProbe signIn(String demoUser, HttpProbe app) {
        HttpProbe.Response token = new HttpProbe(TestTokens.issuer().issuer())
                .postJson("/dev/token", "{\"user\": \"" + demoUser + "\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return app.withFreshIdempotencyKeys().with("Authorization", "Bearer " + token.json().get("access_token").asString());
    }
}
