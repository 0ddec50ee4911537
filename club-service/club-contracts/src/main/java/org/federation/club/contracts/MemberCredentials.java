package org.federation.club.contracts;

import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Member credentials: a compact JWS (ES256) fit for a QR code, signed by club-service, saying who
 * ({@code sub}), of which club ({@code club}, {@code clubName}), as what ({@code role}), issued when
 * ({@code iat}) and valid until ({@code exp}). Any service verifies one offline with the keys from
 * {@code credential-key-published} and the revocations from {@code credential-revoked}, both on
 * {@code club.events}; nobody calls club-service for it.
 */
public final class MemberCredentials {

    /** The {@code iss} of every member credential. */
    public static final String ISSUER = "club-service/member-credentials";
    public static final String CLUB = "club";
    public static final String CLUB_NAME = "clubName";
    public static final String ROLE = "role";

    private MemberCredentials() {
    }

    /** What a valid credential says. */
    public record Holder(String studentNumber, String clubId, String clubName, String role, Instant issuedAt,
                         Instant validUntil) {
    }

    /**
     * The result of a verification: the holder if valid, otherwise why not.
     *
     * @param problem null if valid; else {@code malformed}, {@code unknown-key}, {@code bad-signature},
     *                {@code wrong-issuer}, {@code expired}, {@code revoked}
     */
    public record Verification(Holder holder, String problem, String detail) {

        public boolean valid() {
            return problem == null;
        }

        static Verification refused(String problem, String detail) {
            return new Verification(null, problem, detail);
        }
    }

    /**
     * Verifies a credential offline.
     *
     * @param credential        the compact JWS as scanned
     * @param publicJwkById     the published public keys by key id (null if unknown)
     * @param newestRevocation  for a club and student, the newest {@code revokedAt} (null if none)
     * @param now               the verifier's time
     */
    public static Verification verify(String credential, Function<String, Map<String, Object>> publicJwkById,
                                      BiFunction<String, String, Instant> newestRevocation, Instant now) {
        Verification signed = verifySignature(credential, keyId -> {
            Map<String, Object> jwk = publicJwkById.apply(keyId);
            return jwk == null ? null : publicKey(jwk);
        });
        return signed.valid() ? stillValid(signed.holder(), newestRevocation, now) : signed;
    }

    /**
     * A published JWK as the key a credential is verified with: parse it once when it is published or
     * first needed, not on every scan.
     *
     * @throws IllegalArgumentException if it is no EC public key
     */
    public static ECPublicKey publicKey(Map<String, Object> publicJwk) {
        try {
            return JWK.parse(publicJwk).toECKey().toECPublicKey();
        } catch (ParseException | JOSEException | IllegalStateException | ClassCastException e) {
            throw new IllegalArgumentException("not an EC public key: " + e.getMessage(), e);
        }
    }

    /**
     * The part of {@link #verify} that depends only on the credential's bytes and the key it names: form,
     * algorithm, key, signature, issuer and claims. What the holder says may then be remembered for these
     * exact bytes; {@link #stillValid} must still be asked at every scan, because expiry and revocation
     * depend on the time and on revocations published since.
     *
     * @param publicKeyById the published public keys by key id (null if unknown)
     * @return the holder, or why not (never {@code expired} or {@code revoked})
     */
    public static Verification verifySignature(String credential, Function<String, ECPublicKey> publicKeyById) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(credential == null ? "" : credential.strip());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return Verification.refused("malformed", "not a signed credential: " + e.getMessage());
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            return Verification.refused("malformed", "credentials are signed with ES256");
        }
        String keyId = jwt.getHeader().getKeyID();
        ECPublicKey key;
        try {
            key = keyId == null ? null : publicKeyById.apply(keyId);
        } catch (IllegalArgumentException e) {
            return Verification.refused("bad-signature", "cannot verify with key " + keyId + ": " + e.getMessage());
        }
        if (key == null) {
            return Verification.refused("unknown-key", "no published key with id " + keyId);
        }
        try {
            if (!jwt.verify(new ECDSAVerifier(key))) {
                return Verification.refused("bad-signature", "the signature does not match key " + keyId);
            }
        } catch (JOSEException | IllegalStateException e) {
            return Verification.refused("bad-signature", "cannot verify with key " + keyId + ": " + e.getMessage());
        }
        if (!ISSUER.equals(claims.getIssuer())) {
            return Verification.refused("wrong-issuer", "issued by " + claims.getIssuer());
        }
        String club;
        String clubName;
        String role;
        try {
            club = claims.getStringClaim(CLUB);
            clubName = claims.getStringClaim(CLUB_NAME);
            role = claims.getStringClaim(ROLE);
        } catch (ParseException e) {
            return Verification.refused("malformed", e.getMessage());
        }
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (club == null || claims.getSubject() == null || issued == null || expires == null) {
            return Verification.refused("malformed", "sub, club, iat and exp are required");
        }
        return new Verification(new Holder(claims.getSubject(), club, clubName, role, issued.toInstant(),
                expires.toInstant()), null, null);
    }

    /**
     * The part of {@link #verify} asked at every scan of a credential whose signature was verified:
     * unexpired at {@code now} and issued after the student's newest revocation at the club.
     */
    public static Verification stillValid(Holder holder, BiFunction<String, String, Instant> newestRevocation, Instant now) {
        if (!now.isBefore(holder.validUntil())) {
            return Verification.refused("expired", "valid until " + holder.validUntil());
        }
        Instant revoked = newestRevocation.apply(holder.clubId(), holder.studentNumber());
        if (revoked != null && !holder.issuedAt().isAfter(revoked)) {
            return Verification.refused("revoked", "revoked at " + revoked);
        }
        return new Verification(holder, null, null);
    }
}
