package org.federation.club.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.contracts.MemberCredentials;
import org.federation.club.credential.infrastructure.CredentialKeys;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

/**
 * Issue 25, point 6: an offline door scanner or another university's system verifies a member
 * credential with club-service's public keys fetched over HTTP, anonymously, without Kafka. Before
 * this there was no key set over HTTP ({@code GET /api/credentials/jwks} answered 401 to an
 * anonymous caller, 404 with a token); the keys reached only Kafka consumers of club.events.
 */
@ClubServiceTest
class CredentialKeySetTest extends EmbeddedBackboneProperties {

    private static final String JWKS = "/api/credentials/jwks";

    @Autowired
    CredentialKeys keys;

    private String credentialOf(String clubId) {
        HttpProbe.Response issued = Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/credentials", "");
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json().get("credential").asString();
    }

    private static JWKSet keySetOf(HttpProbe.Response fetched) throws Exception {
        return JWKSet.parse(fetched.body());
    }

    @Test
    void aCredentialVerifiesAgainstTheKeySetFetchedAnonymouslyBeforeAndAfterARotation() throws Exception {
        String clubId = ClubLifecycleTest.newClub(app(), "门禁社");
        String before = credentialOf(clubId);

        HttpProbe anonymous = app();
        HttpProbe.Response fetched = anonymous.get(JWKS);
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
        assertThat(fetched.contentType()).startsWith("application/jwk-set+json");
        assertThat(fetched.header("Cache-Control")).contains("max-age=").contains("public");
        String etag = fetched.header("ETag");
        assertThat(etag).isNotBlank();
        assertVerifies(before, keySetOf(fetched));
        assertNoPrivatePart(fetched.json());

        // a verifier revalidating with the ETag it holds: nothing new, nothing to download
        HttpProbe.Response unchanged = anonymous.with("If-None-Match", etag).get(JWKS);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isNullOrEmpty();

        // after a rotation the set changes (a new ETag) and holds both keys: the old credential still verifies
        keys.rotate();
        String after = credentialOf(clubId);
        HttpProbe.Response rotated = anonymous.with("If-None-Match", etag).get(JWKS);
        assertThat(rotated.status()).as("a stale ETag gets the new set").isEqualTo(200);
        assertThat(rotated.header("ETag")).isNotEqualTo(etag);
        JWKSet afterRotation = keySetOf(rotated);
        assertThat(afterRotation.getKeys()).extracting(JWK::getKeyID)
                .contains(SignedJWT.parse(before).getHeader().getKeyID(), SignedJWT.parse(after).getHeader().getKeyID());
        assertVerifies(before, afterRotation);
        assertVerifies(after, afterRotation);
        assertNoPrivatePart(rotated.json());
    }

    @Test
    void aForgedCredentialDoesNotVerifyAgainstTheKeySet() throws Exception {
        String clubId = ClubLifecycleTest.newClub(app(), "伪造社");
        String genuine = credentialOf(clubId);
        JWKSet published = keySetOf(app().get(JWKS));
        // signed by a key the federation never published, under a published key id
        com.nimbusds.jose.jwk.ECKey stranger = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID(SignedJWT.parse(genuine).getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(SignedJWT.parse(genuine).getHeader(), SignedJWT.parse(genuine).getJWTClaimsSet());
        forged.sign(new com.nimbusds.jose.crypto.ECDSASigner(stranger));
        assertThat(MemberCredentials.verify(forged.serialize(), keysById(published), (c, s) -> null,
                issuedAt(genuine).plusSeconds(60)).problem())
                .isEqualTo("bad-signature");
    }

    private static void assertVerifies(String credential, JWKSet keySet) throws Exception {
        MemberCredentials.Verification verified = MemberCredentials.verify(credential, keysById(keySet), (c, s) -> null,
                issuedAt(credential).plusSeconds(60));
        assertThat(verified.problem()).as("verified with the fetched key set").isNull();
        assertThat(verified.valid()).isTrue();
    }

    private static Instant issuedAt(String credential) throws Exception {
        return SignedJWT.parse(credential).getJWTClaimsSet().getIssueTime().toInstant();
    }

    private static java.util.function.Function<String, Map<String, Object>> keysById(JWKSet keySet) {
        return id -> keySet.getKeyByKeyId(id) == null ? null : keySet.getKeyByKeyId(id).toJSONObject();
    }

    private static void assertNoPrivatePart(JsonNode document) {
        List<JsonNode> listed = document.get("keys").valueStream().toList();
        assertThat(listed).isNotEmpty();
        listed.forEach(k -> {
            assertThat(k.has("d")).as("a private part in " + k).isFalse();
            assertThat(k.get("kid").asString()).isNotBlank();
        });
    }
}
