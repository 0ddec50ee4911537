package org.federation.club.contracts;

import java.time.Instant;

/**
 * club-service issued a member credential (keyed by the credential id, its {@code jti}). The
 * credential itself is a bearer proof and is never published; verifiers need only the key
 * ({@link CredentialKeyPublished}) and the revocations ({@link CredentialRevoked}).
 *
 * @param credentialId the credential's {@code jti}
 * @param clubId       the club it proves membership of
 * @param holder       the holder's student number (also the event's actor: they asked for it)
 * @param role         {@code member}, or the leader's role
 * @param keyId        the key it is signed with
 * @param issuedAt     when it was issued
 * @param validUntil   when it expires
 */
public record CredentialIssued(String credentialId, String clubId, String holder, String role, String keyId,
                               Instant issuedAt, Instant validUntil) {
}
