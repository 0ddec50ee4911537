package org.federation.platform.problem;

import java.time.Duration;

/**
 * A caller has used up an allowance (e.g. wrong check-in codes) and must wait (HTTP 429 with
 * {@code Retry-After} in whole seconds, at least one). Plain Java, so domain code may throw it.
 */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** How long until the allowance is renewed. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@code Retry-After} in seconds, rounded up so a client that waits exactly that long is let in. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
