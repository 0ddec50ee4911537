package org.federation.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again and when it is given up: after the n-th failed attempt it
 * waits {@code backoff} × 2^(n-1), at most {@code maxBackoff}; it is given up once {@code maxAttempts}
 * attempts failed, or at once when no retry could help (a refused address, a refused webhook).
 */
public record RetryPolicy(Duration backoff, Duration maxBackoff, int maxAttempts) {

    public RetryPolicy {
        if (backoff.isNegative() || maxBackoff.isNegative() || maxAttempts < 1) {
            throw new IllegalArgumentException("a delivery's backoffs are not negative and it gets at least one attempt: "
                    + backoff + ", " + maxBackoff + ", " + maxAttempts);
        }
    }

    /** How one attempt went: delivered, failed and worth a retry, or failed for good (permanent). */
    public enum Result { DELIVERED, FAILED, REFUSED }

    /**
     * What the delivery becomes after its {@code number}-th attempt.
     *
     * @param status        {@link Delivery#DELIVERED}, {@link Delivery#PENDING} (tried again at {@code nextAttemptAt})
     *                      or {@link Delivery#FAILED} (given up, {@code failure} says why)
     * @param attempt       the attempt as recorded in the history
     */
    public record Outcome(String status, Instant nextAttemptAt, String failure, Delivery.Attempt attempt) {

        public boolean givenUp() {
            return Delivery.FAILED.equals(status);
        }
    }

    /** The wait after the n-th failed attempt: backoff × 2^(n-1), at most max-backoff. */
    public Duration backoffAfter(int attempt) {
        Duration wait = backoff.multipliedBy(1L << Math.min(Math.max(attempt, 1) - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /**
     * Decides after the {@code number}-th attempt, started at {@code startedAt} and ended at {@code endedAt}
     * with {@code result} ({@code detail}: what the channel said). The next attempt counts from the start.
     */
    public Outcome after(int number, Result result, String detail, Instant startedAt, Instant endedAt) {
        Delivery.Attempt attempt = new Delivery.Attempt(number, endedAt,
                result == Result.DELIVERED ? Delivery.DELIVERED : "error", detail);
        if (result == Result.DELIVERED) {
            return new Outcome(Delivery.DELIVERED, null, null, attempt);
        }
        if (result == Result.REFUSED || number >= maxAttempts) {
            String failure = (result == Result.REFUSED ? "refused, not retried: " : "gave up after " + number + " attempts: ")
                    + detail;
            return new Outcome(Delivery.FAILED, null, failure, attempt);
        }
        return new Outcome(Delivery.PENDING, startedAt.plus(backoffAfter(number)), null, attempt);
    }
}
