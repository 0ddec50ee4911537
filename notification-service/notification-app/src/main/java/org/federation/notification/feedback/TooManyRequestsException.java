package org.federation.notification.feedback;

import java.time.Duration;

/** A sender or an address sent more than its allowance (HTTP 429 with {@code Retry-After}). */
class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
