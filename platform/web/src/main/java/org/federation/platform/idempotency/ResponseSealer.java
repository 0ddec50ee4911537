package org.federation.platform.idempotency;

/**
 * Encrypts the bodies the {@link IdempotencyStore} keeps for replay, so that a response which
 * carried a secret (a webhook's signing secret, a member credential) is never at rest in
 * plaintext. An app provides one as a bean (platform/security does, from its key-encryption
 * key); without one, bodies are kept as they are.
 */
public interface ResponseSealer {

    /** The sealed form of a body; {@code context} (the record's id) is bound to it. */
    byte[] seal(byte[] body, String context);

    /** The body again; fails if the sealed form was altered or belongs to another record. */
    byte[] open(byte[] sealed, String context);
}
