package org.federation.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The one rule for development defaults, as a mechanism any service (and any feature) declares settings to. */
class RequiredSettingsTest {

    @Test
    void outsideTheLocalProfileAMissingOrBlankSettingStopsTheStartNamingItAndItsVariable() {
        MockEnvironment environment = declaring()
                .withProperty("federation.security.issuer", "https://sso.example.edu")
                .withProperty("federation.encryption.key", "  ");
        environment.setActiveProfiles("production");

        assertThatThrownBy(() -> RequiredSettings.check(environment))
                .isInstanceOf(RequiredSettings.MissingSettingsException.class)
                .hasMessageContaining("federation.activities.check-in-code-secret (environment variable"
                        + " FEDERATION_ACTIVITIES_CHECK_IN_CODE_SECRET)")
                .hasMessageContaining("federation.encryption.key (environment variable FEDERATION_ENCRYPTION_KEY)")
                .hasMessageNotContaining("federation.security.issuer")
                .hasMessageContaining("[production]");
    }

    @Test
    void everyDeclaredListCountsAndASetValuePasses() {
        MockEnvironment environment = declaring()
                .withProperty("federation.security.issuer", "https://sso.example.edu")
                .withProperty("federation.activities.check-in-code-secret", "s")
                .withProperty("federation.encryption.key", "k");

        assertThat(RequiredSettings.required(environment)).containsExactly("federation.activities.check-in-code-secret",
                "federation.encryption.key", "federation.security.issuer");
        assertThatNoException().isThrownBy(() -> RequiredSettings.check(environment));
    }

    @Test
    void theLocalProfileIsNotChecked() {
        MockEnvironment environment = declaring();
        environment.setActiveProfiles("local");

        assertThatNoException().isThrownBy(() -> RequiredSettings.check(environment));
    }

    private static MockEnvironment declaring() {
        return new MockEnvironment()
                .withProperty("federation.required-settings.platform[0]", "federation.security.issuer")
                .withProperty("federation.required-settings.service[0]", "federation.activities.check-in-code-secret")
                .withProperty("federation.required-settings.encryption[0]", "federation.encryption.key");
    }
}
