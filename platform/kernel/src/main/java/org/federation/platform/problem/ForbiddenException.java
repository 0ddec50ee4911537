package org.federation.platform.problem;

/**
 * The caller is signed in but may not do this (HTTP 403): not their club, not their department's
 * remit. The message says what would be needed. Plain Java, so application code may throw it.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
