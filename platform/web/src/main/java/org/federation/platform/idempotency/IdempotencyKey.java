package org.federation.platform.idempotency;

/**
 * The {@code Idempotency-Key} a caller sent with a command, as a controller parameter. A handler
 * that takes one <em>requires</em> the header: without it the request is refused with 428 (a
 * problem naming the header) before the handler runs. Money-moving commands take one and derive
 * the id of what they create from it ({@link #derivedId}), so a retry that runs again (after a
 * crash, once the key's lease has run out) finds the record the first attempt created instead of
 * creating a second one.
 *
 * @param caller  the caller the key belongs to (the token's subject, or {@value IdempotencyKeys#ANONYMOUS})
 * @param value   the key as sent
 * @param request the request's fingerprint (method, path, query, content type, body), which the derived
 *                ids include; null for a retry of a request that began before they did
 */
public record IdempotencyKey(String caller, String value, String request) {

    public IdempotencyKey(String caller, String value) {
        this(caller, value, null);
    }

    /**
     * An id derived from the caller, the key and the request: the same for every retry of the request,
     * distinct for another caller, key or request (a key used again, once its record is forgotten, for a
     * claim on another budget derives another id instead of finding the first claim's records).
     * {@code prefix} says what it identifies (e.g. {@code manual}).
     */
    public String derivedId(String prefix) {
        return prefix + "-" + IdempotencyKeys.derivedId(IdempotencyKeys.ANONYMOUS.equals(caller) ? null : caller, value,
                request);
    }
}
