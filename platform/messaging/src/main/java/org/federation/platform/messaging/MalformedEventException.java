package org.federation.platform.messaging;

/**
 * An inbound event that can never be processed (missing envelope, unparseable or invalid
 * payload). It is not retried: the binder sends it straight to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
