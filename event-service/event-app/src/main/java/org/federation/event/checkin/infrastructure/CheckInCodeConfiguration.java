package org.federation.event.checkin.infrastructure;

import java.time.Duration;

import org.federation.event.checkin.domain.CodeAttemptLimit;
import org.federation.event.checkin.domain.RotatingCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The check-in codes' secret, rotation and attempt allowance. The secret keys the HMAC the codes
 * are derived from: whoever knows it can compute every activity's code from its public id, so it
 * has no default here. Only the {@code local} profile (event-service.yaml) supplies a development
 * value; anywhere else a missing or short secret stops the start, naming the setting.
 */
@Configuration(proxyBeanMethods = false)
public class CheckInCodeConfiguration {

    /** The setting that holds the secret (environment: {@code FEDERATION_ACTIVITIES_CHECK_IN_CODE_SECRET}). */
    public static final String SECRET = "federation.activities.check-in-code-secret";
    /** At least 256 bits' worth of characters, the HMAC-SHA256 key size. */
    static final int MINIMUM_SECRET_LENGTH = 32;

    @Bean
    RotatingCode checkInCodes(@Value("${" + SECRET + ":}") String secret,
                              @Value("${federation.activities.check-in-code-period:PT60S}") Duration period) {
        return new RotatingCode(requireSecret(secret), period);
    }

    @Bean
    CodeAttemptLimit checkInCodeAttemptLimit(@Value("${federation.activities.check-in-code-attempts:5}") int attempts,
                                             @Value("${federation.activities.check-in-code-attempts-window:PT15M}") Duration window) {
        return new CodeAttemptLimit(attempts, window);
    }

    static String requireSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(SECRET + " (FEDERATION_ACTIVITIES_CHECK_IN_CODE_SECRET) is not set: the check-in"
                    + " codes' secret is required; only the 'local' profile has a development default");
        }
        if (secret.length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalStateException(SECRET + " (FEDERATION_ACTIVITIES_CHECK_IN_CODE_SECRET) is too short: at least "
                    + MINIMUM_SECRET_LENGTH + " characters");
        }
        return secret;
    }
}
