package org.federation.platform.security.secret;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.federation.platform.idempotency.ResponseSealer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The platform's {@link SecretBox}, with the key-encryption key from the environment
 * ({@value #KEY}, env {@code FEDERATION_SECURITY_ENCRYPTION_KEY}: 32 random bytes, base64). Only
 * the {@code local} profile (the local platform and the tests) has a development key; under any
 * other profile a missing or malformed key stops the service at start, naming the setting.
 * Keys used before a rotation of the key-encryption key go into {@value #PREVIOUS} (comma
 * separated); values under them still open and are sealed again with the current key at start.
 *
 * <p>Also seals the bodies the idempotency store keeps for replay ({@link ResponseSealer}).
 */
@AutoConfiguration
public class SecretEncryptionAutoConfiguration {

    /** The setting holding the key-encryption key. */
    public static final String KEY = "federation.security.encryption-key";
    /** Older key-encryption keys, still accepted for opening. */
    public static final String PREVIOUS = "federation.security.previous-encryption-keys";
    /** The profile with development defaults. */
    public static final String LOCAL_PROFILE = "local";

    /**
     * The development key-encryption key (base64 of 32 bytes), public in the source: it protects
     * nothing and exists only so that the local platform and the tests start without settings.
     */
    static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQtb25seS1lbmNyeXB0aW9uLWtleSE=";

    @Bean
    SecretBox federationSecretBox(Environment environment) {
        return secretBox(environment);
    }

    @Bean
    ResponseSealer federationResponseSealer(SecretBox box) {
        return new ResponseSealer() {
            @Override
            public byte[] seal(byte[] body, String context) {
                return box.seal(body, "idempotency-keys/" + context);
            }

            @Override
            public byte[] open(byte[] sealed, String context) {
                return box.open(sealed, "idempotency-keys/" + context);
            }
        };
    }

    static SecretBox secretBox(Environment environment) {
        String configured = environment.getProperty(KEY, "");
        if (configured.isBlank()) {
            if (!environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
                throw new IllegalStateException(KEY + " (FEDERATION_SECURITY_ENCRYPTION_KEY) is not set: the key that "
                        + "encrypts secrets at rest is required (32 random bytes, base64, e.g. `openssl rand -base64 32`); "
                        + "only the 'local' profile has a development key");
            }
            configured = DEVELOPMENT_KEY;
        }
        List<byte[]> previous = new ArrayList<>();
        for (String old : environment.getProperty(PREVIOUS, "").split(",")) {
            if (!old.isBlank()) {
                previous.add(decode(PREVIOUS, old.strip()));
            }
        }
        return new SecretBox(decode(KEY, configured.strip()), previous);
    }

    private static byte[] decode(String setting, String value) {
        byte[] key;
        try {
            key = value.contains("-") || value.contains("_") ? Base64.getUrlDecoder().decode(value)
                    : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64: it holds " + SecretBox.KEY_BYTES
                    + " random bytes, base64");
        }
        if (key.length != SecretBox.KEY_BYTES) {
            throw new IllegalStateException(setting + " must hold " + SecretBox.KEY_BYTES + " bytes (base64), not "
                    + key.length);
        }
        return key;
    }
}
