package org.federation.club.contracts;

import java.time.Instant;

/**
 * {@code org.federation.club.credential-revoked.v1}: every member credential of this student for
 * this club issued up to {@code revokedAt} is void. A verifier keeps these and refuses a credential
 * whose {@code iat} is not after the newest revocation for its club and subject; a student who
 * joins again gets a new, valid one.
 *
 * @param club          the club's snapshot after the change
 * @param studentNumber whose credentials are revoked
 * @param revokedAt     credentials issued at or before this instant are void
 * @param reason        why (left, removed, …)
 */
public record CredentialRevoked(ClubSnapshot club, String studentNumber, Instant revokedAt, String reason) {
}
