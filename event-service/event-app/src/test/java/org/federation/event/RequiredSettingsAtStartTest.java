package org.federation.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;

import org.federation.platform.config.RequiredSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * The one rule for development defaults, on the real application: outside the {@code local}
 * profile event-service started without a setting it requires stops at once, naming the setting
 * and its environment variable, before any bean (web server, Kafka, MongoDB) is made. The list is
 * declared (federation.required-settings.* in federation-platform.yaml and event-service.yaml).
 */
class RequiredSettingsAtStartTest {

    @Test
    void withoutTheCheckInSecretOrTheIssuerTheServiceStopsNamingBoth() {
        AtomicBoolean contextMade = new AtomicBoolean();
        SpringApplication app = new SpringApplication(EventServiceApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("production");
        app.setDefaultProperties(java.util.Map.of("spring.config.name", EventServiceApplication.CONFIG_NAME));
        app.addListeners(event -> {
            if (event instanceof ContextRefreshedEvent) {
                contextMade.set(true);
            }
        });

        assertThatThrownBy(() -> app.run().close())
                .isInstanceOf(RequiredSettings.MissingSettingsException.class)
                .hasMessageContaining("federation.activities.check-in-code-secret (environment variable"
                        + " FEDERATION_ACTIVITIES_CHECK_IN_CODE_SECRET)")
                .hasMessageContaining("federation.security.issuer (environment variable FEDERATION_SECURITY_ISSUER)")
                .hasMessageContaining("[production]");
        assertThat(contextMade).as("stopped before the context was refreshed (the check runs before any bean is made)")
                .isFalse();
    }

    @Test
    void withTheIssuerGivenOnlyTheSecretIsNamed() {
        SpringApplication app = new SpringApplication(EventServiceApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setAdditionalProfiles("production");
        app.setDefaultProperties(java.util.Map.of("spring.config.name", EventServiceApplication.CONFIG_NAME));

        assertThatThrownBy(() -> app.run("--federation.security.issuer=https://sso.example.edu").close())
                .isInstanceOf(RequiredSettings.MissingSettingsException.class)
                .hasMessageContaining("federation.activities.check-in-code-secret")
                .hasMessageNotContaining("federation.security.issuer");
    }
}
