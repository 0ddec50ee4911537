package org.federation.club.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * {@code org.federation.club.credential-key-published.v1}: the public key member credentials are
 * signed with, so any service verifies them offline. Keyed by the key id; carries no {@code club}.
 *
 * @param keyId       the key id ({@code kid} in the credential's header)
 * @param publicJwk   the public key as a JSON Web Key (EC P-256, {@code ES256})
 * @param publishedAt when the key came into use
 */
public record CredentialKeyPublished(String keyId, Map<String, Object> publicJwk, Instant publishedAt) {
}
