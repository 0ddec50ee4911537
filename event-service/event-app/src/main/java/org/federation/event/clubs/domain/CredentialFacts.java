package org.federation.event.clubs.domain;

import org.federation.club.contracts.CredentialKeyPublished;
import org.federation.club.contracts.CredentialRevoked;

/** Keeps what offline verification of member credentials needs, as it arrives on {@code club.events}; idempotent. */
public interface CredentialFacts {

    void keyPublished(CredentialKeyPublished key);

    void revoked(CredentialRevoked revocation);
}
