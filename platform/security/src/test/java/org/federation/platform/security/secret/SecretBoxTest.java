package org.federation.platform.security.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Envelope encryption of secrets at rest, and the key-encryption key required outside the local profile (issue 23, point 5). */
class SecretBoxTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aSealedValueOpensOnlyInItsOwnContextAndHidesThePlaintext() {
        SecretBox box = new SecretBox(key(1));
        String sealed = box.seal("whsec_very-secret", "webhook-secrets/a");
        assertThat(sealed).startsWith(SecretBox.PREFIX).doesNotContain("very-secret");
        assertThat(box.seal("whsec_very-secret", "webhook-secrets/a")).as("a fresh data key and IV each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed, "webhook-secrets/a")).isEqualTo("whsec_very-secret");
        assertThatThrownBy(() -> box.open(sealed, "webhook-secrets/b")).as("copied into another record")
                .isInstanceOf(SecretBox.SealedValueException.class);
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> box.open(tampered, "webhook-secrets/a")).isInstanceOf(SecretBox.SealedValueException.class);
        assertThatThrownBy(() -> new SecretBox(key(2)).open(sealed, "webhook-secrets/a"))
                .isInstanceOf(SecretBox.SealedValueException.class).hasMessageContaining("not configured");
    }

    @Test
    void afterARotationOfTheKeyEncryptionKeyOldValuesOpenAndAskToBeSealedAgain() {
        String old = new SecretBox(key(1)).seal("s", "c");
        SecretBox rotated = new SecretBox(key(2), List.of(key(1)));
        assertThat(rotated.open(old, "c")).isEqualTo("s");
        assertThat(rotated.needsResealing(old)).isTrue();
        assertThat(rotated.needsResealing(rotated.seal("s", "c"))).isFalse();
        assertThat(rotated.needsResealing("{\"plaintext\":true}")).isTrue();
    }

    @Test
    void outsideTheLocalProfileAMissingKeyStopsTheStartNamingTheSetting() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> SecretEncryptionAutoConfiguration.secretBox(production))
                .hasMessageContaining(SecretEncryptionAutoConfiguration.KEY)
                .hasMessageContaining("FEDERATION_SECURITY_ENCRYPTION_KEY");
        production.setProperty(SecretEncryptionAutoConfiguration.KEY, Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> SecretEncryptionAutoConfiguration.secretBox(production)).hasMessageContaining("32 bytes");
        production.setProperty(SecretEncryptionAutoConfiguration.KEY, Base64.getEncoder().encodeToString(key(7)));
        assertThat(SecretEncryptionAutoConfiguration.secretBox(production).keyId()).isEqualTo(SecretBox.idOf(key(7)));

        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(SecretEncryptionAutoConfiguration.secretBox(local).keyId()).isEqualTo(SecretBox.idOf(
                Base64.getDecoder().decode(SecretEncryptionAutoConfiguration.DEVELOPMENT_KEY)));
    }
}
