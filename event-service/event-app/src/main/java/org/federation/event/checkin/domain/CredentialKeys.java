package org.federation.event.checkin.domain;

import java.time.Instant;
import java.util.Map;

/** What offline verification of a member credential looks up: club-service's published keys and revocations. */
public interface CredentialKeys {

    /** The public JWK published under {@code keyId}, or null if none was. */
    Map<String, Object> key(String keyId);

    /** When the student's credential of the club was last revoked, or null if never. */
    Instant newestRevocation(String clubId, String studentNumber);
}
