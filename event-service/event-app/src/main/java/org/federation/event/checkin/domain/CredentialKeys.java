package org.federation.event.checkin.domain;

import java.security.interfaces.ECPublicKey;
import java.time.Instant;

/** What offline verification of a member credential looks up: club-service's published keys and revocations. */
public interface CredentialKeys {

    /**
     * The public key published under {@code keyId}, parsed once, or null if none was (yet): a key
     * published later is found at its first use, a key never published never is.
     *
     * @throws IllegalArgumentException if what was published under the id is no EC public key
     */
    ECPublicKey publicKey(String keyId);

    /** When the student's credential of the club was last revoked, or null if never. Read at every scan, never cached. */
    Instant newestRevocation(String clubId, String studentNumber);
}
