package org.federation.platform.messaging;

/** The broker did not acknowledge a relay's send; the events stay pending. */
public class OutboxRelayException extends RuntimeException {

    public OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
