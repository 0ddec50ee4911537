package org.federation.club.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.contracts.MemberCredentials;
import org.federation.club.credential.application.MemberCredentialIssuer;
import org.federation.club.credential.infrastructure.CredentialKeys;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.idempotency.IdempotencyStore;
import org.federation.platform.security.secret.SecretBox;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issue 23, point 5: the member-credential signing key lay in {@code credential-keys} as plain JWK
 * JSON, readable by anyone with a copy of the database, and could not be rotated. Before the fix
 * the stored document held {@code privateJwk} (the private {@code d} in clear), a plaintext record
 * stayed plaintext, there was no {@code /actuator/credentialkeys}, and an idempotent credential
 * request kept the credential in clear in {@code idempotency-keys}.
 */
@ClubServiceTest
class CredentialKeysAtRestTest extends EmbeddedBackboneProperties {

    @Autowired
    CredentialKeys keys;
    @Autowired
    SecretBox box;
    @Autowired
    MemberCredentialIssuer issuer;
    @LocalManagementPort
    int managementPort;

    private String credentialOf(String clubId) {
        HttpProbe.Response issued = Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/credentials", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json().get("credential").asString();
    }

    private static String keyIdOf(String credential) {
        try {
            return SignedJWT.parse(credential).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static Instant expiryOf(String credential) {
        try {
            return SignedJWT.parse(credential).getJWTClaimsSet().getExpirationTime().toInstant();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theSigningKeyIsStoredSealedNeverAsPlaintext() {
        String clubId = ClubLifecycleTest.newClub(app(), "密码学社");
        credentialOf(clubId);
        ECKey signing = keys.signingKey();
        Document stored = mongo.findById(signing.getKeyID(), Document.class, "credential-keys");
        assertThat(stored).doesNotContainKey("privateJwk");
        assertThat(stored.getString("sealedPrivateJwk")).startsWith(SecretBox.PREFIX);
        String raw = stored.toJson();
        assertThat(raw).as("the private part in clear").doesNotContain(signing.getD().toString());
        assertThat(box.open(stored.getString("sealedPrivateJwk"), "credential-keys/" + signing.getKeyID()))
                .isEqualTo(signing.toJSONString());
    }

    @Test
    void aKeyStoredInPlaintextBeforeIsSealedAtStartAndStillVerifies() throws Exception {
        keys.signingKey(); // the current key is older than nothing: the plaintext one below stays behind it
        String keyId = "member-credentials-plaintext-" + UUID.randomUUID();
        ECKey old = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        // as CredentialKeys stored it before encryption at rest
        mongo.insert(new Document("_id", keyId).append("keyId", keyId).append("privateJwk", old.toJSONString())
                .append("publicJwk", old.toPublicJWK().toJSONObject())
                .append("createdAt", Date.from(Instant.parse("2020-01-01T00:00:00Z"))).append("version", 1L),
                "credential-keys");

        assertThat(keys.sealStoredKeys()).as("what the start-up step seals").isGreaterThanOrEqualTo(1);
        assertThat(keys.sealStoredKeys()).as("a second instance's start finds nothing left").isZero();

        Document stored = mongo.findById(keyId, Document.class, "credential-keys");
        assertThat(stored).doesNotContainKey("privateJwk");
        assertThat(stored.toJson()).doesNotContain(old.getD().toString());
        assertThat(box.open(stored.getString("sealedPrivateJwk"), "credential-keys/" + keyId)).isEqualTo(old.toJSONString());
        assertThat(keys.publicKey(keyId)).isEqualTo(old.toPublicJWK().toJSONObject());
    }

    @Test
    void rotationSignsNewCredentialsWithANewKeyAndOldOnesVerifyUntilTheyExpire() {
        String clubId = ClubLifecycleTest.newClub(app(), "轮换社");
        String before = credentialOf(clubId);
        String oldKey = keyIdOf(before);
        HttpProbe management = HttpProbe.onPort(managementPort);

        assertThat(management.postJson("/actuator/credentialkeys", "").status()).isEqualTo(401);
        assertThat(Persona.LEADER.on(management).postJson("/actuator/credentialkeys", "").status()).isEqualTo(403);
        assertThat(Persona.FINANCE_MEMBER.on(management).postJson("/actuator/credentialkeys", "").status()).isEqualTo(403);
        HttpProbe.Response rotated = Persona.PRESIDIUM.on(management).postJson("/actuator/credentialkeys", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newKey = rotated.json().get("keyId").asString();
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(rotated.json().get("retiredKeyIds").valueStream().map(n -> n.asString()).toList()).contains(oldKey);

        String after = credentialOf(clubId);
        assertThat(keyIdOf(after)).as("new credentials are signed with the new key").isEqualTo(newKey);
        assertThat(issuer.verify(before).valid()).as("the old credential still verifies").isTrue();
        assertThat(issuer.verify(after).valid()).isTrue();
        Instant expiry = expiryOf(before);
        assertThat(MemberCredentials.verify(before, keys::publicKey, (c, s) -> null, expiry.plusSeconds(60)).problem())
                .as("until it expires").isEqualTo("expired");

        Document retired = mongo.findById(oldKey, Document.class, "credential-keys");
        assertThat(retired).as("the retired key only verifies: its private part is gone")
                .doesNotContainKeys("sealedPrivateJwk", "privateJwk");
        List<Map<String, Object>> listed = Persona.PRESIDIUM.on(management).get("/actuator/credentialkeys").json()
                .get("keys").valueStream().map(k -> Map.<String, Object>of("keyId", k.get("keyId").asString(),
                        "use", k.get("use").asString())).toList();
        assertThat(listed.get(0)).isEqualTo(Map.of("keyId", newKey, "use", "signs"));
        assertThat(listed).contains(Map.of("keyId", oldKey, "use", "verifies"));
    }

    @Test
    void anIdempotentCredentialRequestKeepsTheCredentialSealedAndReplaysIt() {
        String clubId = ClubLifecycleTest.newClub(app(), "幂等社");
        HttpProbe leader = Persona.LEADER.on(app()).with("Idempotency-Key", "credential-" + UUID.randomUUID());
        HttpProbe.Response first = leader.postJson("/api/clubs/" + clubId + "/credentials", "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String credential = first.json().get("credential").asString();

        Document kept = mongo.findOne(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where(IdempotencyStore.PATH)
                        .is("/api/clubs/" + clubId + "/credentials")), Document.class, IdempotencyStore.COLLECTION);
        Document response = kept.get(IdempotencyStore.RESPONSE, Document.class);
        assertThat(response).doesNotContainKey(IdempotencyStore.BODY);
        byte[] sealed = response.get(IdempotencyStore.SEALED_BODY, Binary.class).getData();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(credential.substring(0, 40));
        assertThat(kept.toJson()).doesNotContain(credential.substring(0, 40));

        HttpProbe.Response replayed = leader.postJson("/api/clubs/" + clubId + "/credentials", "");
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("credential").asString()).isEqualTo(credential);
    }
}
