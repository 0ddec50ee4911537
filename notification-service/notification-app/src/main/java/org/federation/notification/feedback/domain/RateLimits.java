package org.federation.notification.feedback.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Fixed-window allowances, each taken atomically (a port): two instances can never both let the
 * last request of a window through.
 */
public interface RateLimits {

    /** Takes one from the allowance of {@code key} in the window {@code now} falls in; false if it is used up. */
    boolean take(String key, int limit, Duration window, Instant now);
}
