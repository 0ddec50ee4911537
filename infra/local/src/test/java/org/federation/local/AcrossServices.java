package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * Starts the platform, each service's database named {@code <databasePrefix><database>};
     * {@code arguments} add to (or override) the apps' command line, after {@code --server.port=0}.
     */
    static void startPlatform(String databasePrefix, String... arguments) throws Exception {
        EmbeddedBackbone backbone = EmbeddedBackbone.get();
        List<String> commandLine = new ArrayList<>(List.of("--server.port=0"));
        commandLine.addAll(List.of(arguments));
        apps = FederationApps.start(backbone.kafkaBootstrapServers(), db -> backbone.mongoUri(databasePrefix + db),
                TestTokens.issuer().issuer(), true, commandLine);
    }

    @AfterAll
    static void stopPlatform() {
        if (apps != null) {
            apps.close();
            apps = null;
        }
    }

    /** A demo user signed in to one of the services. */
    static HttpProbe signIn(String demoUser, String service) {
        return signIn(demoUser, HttpProbe.onPort(apps.port(service)));
    }

    /** Signs a demo user in: a token from the issuer's {@code POST /dev/token}. */
    static HttpProbe signIn(String demoUser, HttpProbe app) {
        HttpProbe.Response token = new HttpProbe(TestTokens.issuer().issuer())
                .postJson("/dev/token", "{\"user\": \"" + demoUser + "\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return app.with("Authorization", "Bearer " + token.json().get("access_token").asString());
    }
}
