package org.federation.club.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Offline verification of member credentials: every way a scanned code can be wrong. */
class MemberCredentialsTest {

    static final Instant ISSUED = Instant.parse("2026-09-01T08:00:00Z");
    static final Instant LATER = ISSUED.plus(Duration.ofHours(2));

    static ECKey key(String id) throws Exception {
        return new ECKeyGenerator(Curve.P_256).keyID(id).generate();
    }

    static String credential(ECKey key, String issuer, Instant issued, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("2023010002")
                .claim("club", "club-acmore").claim("clubName", "acmore").claim("role", "member")
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    static MemberCredentials.Verification verify(String credential, ECKey published, Instant revokedAt) {
        Map<String, Object> jwk = published.toPublicJWK().toJSONObject();
        return MemberCredentials.verify(credential, id -> id.equals(published.getKeyID()) ? jwk : null,
                (club, student) -> "club-acmore".equals(club) && "2023010002".equals(student) ? revokedAt : null, LATER);
    }

    @Test
    void aGoodCredentialNamesItsHolder() throws Exception {
        ECKey key = key("k1");
        MemberCredentials.Verification v = verify(credential(key, MemberCredentials.ISSUER, ISSUED,
                ISSUED.plus(Duration.ofDays(180))), key, null);
        assertThat(v.valid()).isTrue();
        assertThat(v.holder().studentNumber()).isEqualTo("2023010002");
        assertThat(v.holder().clubId()).isEqualTo("club-acmore");
        assertThat(v.holder().role()).isEqualTo("member");
    }

    @Test
    void everyWrongCredentialIsRefusedWithItsReason() throws Exception {
        ECKey key = key("k1");
        Instant valid = ISSUED.plus(Duration.ofDays(180));
        assertThat(verify(credential(key, MemberCredentials.ISSUER, ISSUED, ISSUED.plusSeconds(60)), key, null).problem())
                .isEqualTo("expired");
        assertThat(verify(credential(key, MemberCredentials.ISSUER, ISSUED, valid), key, ISSUED.plusSeconds(1)).problem())
                .as("left after it was issued").isEqualTo("revoked");
        assertThat(verify(credential(key, MemberCredentials.ISSUER, ISSUED, valid), key, ISSUED.minusSeconds(3600)).valid())
                .as("issued after rejoining").isTrue();
        assertThat(verify(credential(key("k2"), MemberCredentials.ISSUER, ISSUED, valid), key, null).problem())
                .isEqualTo("unknown-key");
        ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        assertThat(verify(credential(impostor, MemberCredentials.ISSUER, ISSUED, valid), key, null).problem())
                .isEqualTo("bad-signature");
        assertThat(verify(credential(key, "someone-else", ISSUED, valid), key, null).problem()).isEqualTo("wrong-issuer");
        assertThat(verify("not a credential", key, null).problem()).isEqualTo("malformed");
        assertThat(verify(null, key, null).problem()).isEqualTo("malformed");
        String good = credential(key, MemberCredentials.ISSUER, ISSUED, valid);
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        assertThat(verify(tampered, key, null).valid()).isFalse();
    }

    /**
     * Issue 26: a verifier may remember {@code verifySignature}'s answer for the credential's exact bytes,
     * so that part must not depend on the time or on revocations; {@code stillValid} is what it asks at
     * every scan.
     */
    @Test
    void theSignaturePartDependsOnlyOnTheBytesAndTheStillValidPartOnTimeAndRevocations() throws Exception {
        ECKey key = key("k1");
        String credential = credential(key, MemberCredentials.ISSUER, ISSUED, ISSUED.plus(Duration.ofDays(1)));
        MemberCredentials.Verification signed = MemberCredentials.verifySignature(credential,
                id -> id.equals("k1") ? MemberCredentials.publicKey(key.toPublicJWK().toJSONObject()) : null);
        assertThat(signed.valid()).isTrue();
        MemberCredentials.Holder holder = signed.holder();
        assertThat(MemberCredentials.stillValid(holder, (club, student) -> null, LATER).valid()).isTrue();
        assertThat(MemberCredentials.stillValid(holder, (club, student) -> ISSUED.plusSeconds(1), LATER).problem())
                .as("revoked after the signature was verified").isEqualTo("revoked");
        assertThat(MemberCredentials.stillValid(holder, (club, student) -> null, ISSUED.plus(Duration.ofDays(2))).problem())
                .as("expired since").isEqualTo("expired");
        assertThat(MemberCredentials.verifySignature(credential, id -> null).problem()).isEqualTo("unknown-key");
    }
}
