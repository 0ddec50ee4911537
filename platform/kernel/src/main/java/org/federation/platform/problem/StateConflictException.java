package org.federation.platform.problem;

/**
 * The request clashes with the current state: an illegal transition, a duplicate, a limit
 * reached (HTTP 409). Plain Java, so domain code may throw it.
 */
public class StateConflictException extends RuntimeException {

    public StateConflictException(String message) {
        super(message);
    }
}
