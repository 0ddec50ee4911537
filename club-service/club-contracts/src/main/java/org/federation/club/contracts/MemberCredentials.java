package org.federation.club.contracts;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
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
        Map<String, Object> jwk = keyId == null ? null : publicJwkById.apply(keyId);
        if (jwk == null) {
            return Verification.refused("unknown-key", "no published key with id " + keyId);
        }
        try {
            ECKey key = JWK.parse(jwk).toECKey();
            if (!jwt.verify(new ECDSAVerifier(key.toECPublicKey()))) {
                return Verification.refused("bad-signature", "the signature does not match key " + keyId);
            }
        } catch (ParseException | JOSEException | IllegalStateException e) {
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
        if (!now.isBefore(expires.toInstant())) {
            return Verification.refused("expired", "valid until " + expires.toInstant());
        }
        Instant revoked = newestRevocation.apply(club, claims.getSubject());
        if (revoked != null && !issued.toInstant().isAfter(revoked)) {
            return Verification.refused("revoked", "revoked at " + revoked);
        }
        return new Verification(new Holder(claims.getSubject(), club, clubName, role, issued.toInstant(),
                expires.toInstant()), null, null);
    }
}
