package org.federation.platform.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.federation.platform.security.PublicEndpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The limit as the services get it from the platform: two instances of a small app with public
 * endpoints, started with the platform's auto-configuration over real HTTP, sharing one store.
 * Before the limit, every request was answered.
 */
class PublicRateLimitAppTest {

    private static MongoServer store;
    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = new MongoServer(new MemoryBackend());
        var address = store.bind();
        String uri = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/directory";
        instanceA = instance(uri);
        instanceB = instance(uri);
    }

    @AfterAll
    static void stop() {
        instanceA.close();
        instanceB.close();
        store.shutdownNow();
    }

    @Test
    void theLimitIsCountedAcrossInstancesAndAnsweredWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(get(i % 2 == 0 ? instanceA : instanceB, "/api/clubs").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = get(instanceB, "/api/clubs");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("50");
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("urn:federation:problem:too-many-requests");
        // health stays open for the orchestrator's probes; an endpoint needing a token still says 401
        assertThat(get(instanceA, "/livez").statusCode()).isEqualTo(200);
        assertThat(get(instanceA, "/api/internal").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext instance(String mongoUri) {
        return new SpringApplicationBuilder(DirectoryApp.class).run(
                "--server.port=0", "--management.server.port=0",
                "--spring.mongodb.uri=" + mongoUri,
                "--federation.security.issuer=http://127.0.0.1:1",
                "--federation.security.public-rate-limit.requests=4",
                "--spring.main.banner-mode=off", "--spring.profiles.active=local",
                "--spring.application.name=directory", "--management.endpoint.health.validate-group-membership=false",
                "--management.otlp.metrics.export.enabled=false", "--spring.config.import=classpath:federation-platform.yaml",
                "--spring.cloud.stream.function.autodetect=false");
    }

    /** A service with one public endpoint and one needing a token. */
    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.federation.platform.messaging.MessagingAutoConfiguration",
            "org.federation.platform.messaging.consumer.ConsumerRecoveryAutoConfiguration",
            "org.federation.platform.observability.ObservabilityAutoConfiguration"})
    @RestController
    static class DirectoryApp {

        @Bean
        PublicEndpoints publicEndpoints() {
            return PublicEndpoints.reading("/api/clubs", "/api/clubs/*");
        }

        @Bean
        Clock clock() {
            // 10 s into a minute: Retry-After 50
            return Clock.fixed(Instant.parse("2026-03-02T10:00:10Z"), ZoneOffset.UTC);
        }

        @GetMapping("/api/clubs")
        String clubs() {
            return "[]";
        }

        @GetMapping("/api/internal")
        String internal() {
            return "secret";
        }
    }
}
