package org.federation.notification.feedback.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The fixed window a moment falls in, for one key: windows start at multiples of their length since
 * the epoch (an hour's window runs 10:00 to 11:00), so every instance counts a request in the same one.
 *
 * @param id        the key and the window's start, e.g. {@code address:10.0.0.1@1767261600000}
 * @param expiresAt when the window is over (and its count forgotten)
 */
public record RateWindow(String id, Instant startsAt, Instant expiresAt) {

    public static RateWindow of(String key, Duration window, Instant now) {
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a rate window must be longer than zero: " + window);
        }
        long start = now.toEpochMilli() / window.toMillis() * window.toMillis();
        Instant startsAt = Instant.ofEpochMilli(start);
        return new RateWindow(key + "@" + start, startsAt, startsAt.plus(window));
    }
}
