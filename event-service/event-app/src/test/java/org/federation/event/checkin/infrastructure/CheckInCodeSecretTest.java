package org.federation.event.checkin.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.federation.event.EventServiceApplication;
import org.federation.event.checkin.domain.RotatingCode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 23, point 3: the check-in codes' secret had a development default everywhere, so anyone
 * with the source could compute every activity's code from its public id. Now only the
 * {@code local} profile has it (event-service.yaml); under another profile a missing secret stops
 * the start naming the setting. Starts only {@link CheckInCodeConfiguration} with event-service's
 * real configuration files (no web server, Kafka or MongoDB). Before, the "production" start
 * succeeded with the development secret.
 */
class CheckInCodeSecretTest {

    @Test
    void outsideTheLocalProfileAMissingSecretStopsTheStartNamingTheSetting() {
        // since issue 22 the required-settings check stops it before any bean is made (RequiredSettingsAtStartTest)
        assertThatThrownBy(() -> start("production").close())
                .hasMessageContaining(CheckInCodeConfiguration.SECRET)
                .hasMessageContaining("FEDERATION_ACTIVITIES_CHECK_IN_CODE_SECRET");
    }

    @Test
    void aShortSecretIsRefusedAndAGivenOneIsUsed() {
        assertThatThrownBy(() -> start("production", "--" + CheckInCodeConfiguration.SECRET + "=short").close())
                .rootCause().hasMessageContaining("too short");
        String secret = "a-production-secret-of-enough-length-0123456789";
        try (ConfigurableApplicationContext context = start("production", "--" + CheckInCodeConfiguration.SECRET + "=" + secret)) {
            Instant now = Instant.parse("2027-03-01T10:00:00Z");
            assertThat(context.getBean(RotatingCode.class).current("activity-1", now))
                    .isEqualTo(new RotatingCode(secret, java.time.Duration.ofSeconds(60)).current("activity-1", now));
        }
    }

    @Test
    void theLocalProfileHasADevelopmentSecret() {
        try (ConfigurableApplicationContext context = start("local")) {
            assertThat(context.getBean(RotatingCode.class)).isNotNull();
        }
    }

    private static ConfigurableApplicationContext start(String profile, String... args) {
        SpringApplication app = new SpringApplicationBuilder(CheckInCodeConfiguration.class)
                .web(WebApplicationType.NONE).profiles(profile)
                .properties("spring.config.name=" + EventServiceApplication.CONFIG_NAME).build();
        // the other required settings (as an argument: the file's empty default outranks default properties),
        // so that only the secret decides
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--federation.security.issuer=https://sso.example.edu";
        all[args.length + 1] = "--federation.security.encryption-key=" + java.util.Base64.getEncoder()
                .encodeToString("a-test-key-encryption-key-32-byt".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return app.run(all);
    }
}
