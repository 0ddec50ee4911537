package org.federation.platform.idempotency;

/** A command that requires an {@code Idempotency-Key} arrived without one: 428 Precondition Required. */
public class IdempotencyKeyRequiredException extends RuntimeException {

    public IdempotencyKeyRequiredException(String method, String path) {
        super(method + " " + path + " moves money and must be sent with an " + IdempotencyKeys.HEADER
                + " header (a fresh key, e.g. a UUID, sent again unchanged with every retry of the request)");
    }
}
