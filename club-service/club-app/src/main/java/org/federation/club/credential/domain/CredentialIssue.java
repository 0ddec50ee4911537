package org.federation.club.credential.domain;

import java.time.Instant;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.CredentialIssued;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;

/**
 * The record that a member credential was issued (not the credential: a bearer proof is not kept
 * or published). Kept so that the issue is a replayable fact with its event, e.g. for counting who
 * holds a credential or auditing a check-in.
 *
 * @param id the credential's {@code jti}
 */
public record CredentialIssue(String id, String clubId, String holder, String role, String keyId, Instant issuedAt,
                              Instant validUntil) {

    /** Records an issued credential; the holder asked for it, so they are the actor. */
    public static Decision<CredentialIssue> issued(String id, String clubId, String holder, String role, String keyId,
                                                   Instant issuedAt, Instant validUntil) {
        CredentialIssue issue = new CredentialIssue(id, clubId, holder, role, keyId, issuedAt, validUntil);
        return Decision.of(issue, new DomainEvent(ClubEventTypes.CREDENTIAL_ISSUED, holder,
                new CredentialIssued(id, clubId, holder, role, keyId, issuedAt, validUntil)));
    }
}
