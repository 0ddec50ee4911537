package org.federation.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void onlyCommandsCarryKeys() {
        assertThat(IdempotencyKeys.appliesTo("POST")).isTrue();
        assertThat(IdempotencyKeys.appliesTo("PUT")).isTrue();
        assertThat(IdempotencyKeys.appliesTo("PATCH")).isTrue();
        assertThat(IdempotencyKeys.appliesTo("DELETE")).isTrue();
        assertThat(IdempotencyKeys.appliesTo("delete")).isTrue();
        assertThat(IdempotencyKeys.appliesTo("GET")).isFalse();
        assertThat(IdempotencyKeys.appliesTo("HEAD")).isFalse();
        assertThat(IdempotencyKeys.appliesTo("OPTIONS")).isFalse();
        assertThat(IdempotencyKeys.appliesTo(null)).isFalse();
    }

    @Test
    void aKeyIsOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotencyKeys.problemWith("8e03978e-40d5-43e8-bc93-6894a57f9324")).isEmpty();
        assertThat(IdempotencyKeys.problemWith("a")).isEmpty();
        assertThat(IdempotencyKeys.problemWith("x".repeat(255))).isEmpty();
        assertThat(IdempotencyKeys.problemWith(" !\"#~ inner space")).isEmpty();

        assertThat(IdempotencyKeys.problemWith("")).hasValue("must not be empty");
        assertThat(IdempotencyKeys.problemWith(null)).hasValue("must not be empty");
        assertThat(IdempotencyKeys.problemWith("x".repeat(256))).hasValueSatisfying(p -> assertThat(p).contains("255", "256"));
        assertThat(IdempotencyKeys.problemWith("clé")).hasValueSatisfying(p -> assertThat(p).contains("U+00E9", "position 3"));
        assertThat(IdempotencyKeys.problemWith("键")).isPresent();
        assertThat(IdempotencyKeys.problemWith("a\tb")).isPresent();
        assertThat(IdempotencyKeys.problemWith("a\u0000b")).isPresent();
        assertThat(IdempotencyKeys.problemWith("a\u007Fb")).isPresent();
    }

    @Test
    void aKeyBelongsToItsCaller() {
        String alice = IdempotencyKeys.recordId("alice", "k1");
        assertThat(alice).hasSize(64).matches("[0-9a-f]+").isEqualTo(IdempotencyKeys.recordId("alice", "k1"));
        assertThat(IdempotencyKeys.recordId("bob", "k1")).isNotEqualTo(alice);
        assertThat(IdempotencyKeys.recordId("alice", "k2")).isNotEqualTo(alice);
        assertThat(IdempotencyKeys.recordId(null, "k1")).isNotEqualTo(alice)
                .as("an anonymous caller and a subject named 'anonymous' do not share keys")
                .isNotEqualTo(IdempotencyKeys.recordId("anonymous", "k1"));
        assertThat(IdempotencyKeys.recordId("ab", "c")).isNotEqualTo(IdempotencyKeys.recordId("a", "bc"));
        assertThat(IdempotencyKeys.callerOf(null)).isEqualTo("anonymous");
        assertThat(IdempotencyKeys.callerOf("2099000003")).isEqualTo("2099000003");
    }

    @Test
    void theFingerprintCoversMethodPathQueryContentTypeAndBody() {
        byte[] body = "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        String base = IdempotencyKeys.fingerprint("POST", "/api/clubs", null, "application/json", body);

        assertThat(IdempotencyKeys.fingerprint("POST", "/api/clubs", null, "application/json", body.clone()))
                .isEqualTo(base).hasSize(64);
        assertThat(IdempotencyKeys.fingerprint("post", "/api/clubs", null, " application/json ", body)).isEqualTo(base);
        assertThat(IdempotencyKeys.fingerprint("PUT", "/api/clubs", null, "application/json", body)).isNotEqualTo(base);
        assertThat(IdempotencyKeys.fingerprint("POST", "/api/clubs/x", null, "application/json", body)).isNotEqualTo(base);
        assertThat(IdempotencyKeys.fingerprint("POST", "/api/clubs", "a=1", "application/json", body)).isNotEqualTo(base);
        assertThat(IdempotencyKeys.fingerprint("POST", "/api/clubs", null, "text/csv", body)).isNotEqualTo(base);
        assertThat(IdempotencyKeys.fingerprint("POST", "/api/clubs", null, "application/json",
                "{\"name\":\"y\"}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(base);
        assertThat(IdempotencyKeys.fingerprint("POST", "/api/clubs", null, "application/json", new byte[0]))
                .isNotEqualTo(base);
        // fields are length-prefixed: moving a character from one field to the next changes the fingerprint
        assertThat(IdempotencyKeys.fingerprint("POST", "/a", "b", null, null))
                .isNotEqualTo(IdempotencyKeys.fingerprint("POST", "/ab", null, null, null))
                .isNotEqualTo(IdempotencyKeys.fingerprint("POST", "/ab", "", null, null));
    }
}
