package org.federation.platform.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The federation's business time: "now" for every domain deadline (a leadership term, a registration
 * window, a hearing, a report due after an activity, a notice's acknowledgement and its escalation,
 * budget and fee periods) and for the times the domain records. It is the real time plus an offset
 * that only ever grows, and the offset is zero in production.
 *
 * <p>It is a type of its own, not the app's {@link Clock}: the relay's, the consumers' and the
 * idempotency store's leases, retries, rate limits and token expiry read the real {@code Clock}, so
 * moving business time (a test, or a person on the local platform watching a term end) never expires
 * a lease or a token. A class says which time it means by the type it asks for; nothing can get the
 * business clock by asking for a {@code Clock}.
 */
public final class BusinessClock extends Clock {

    private final Clock real;
    private final AtomicReference<Duration> offset;

    /** Business time equal to {@code real} (production). */
    public BusinessClock(Clock real) {
        this(real, Duration.ZERO);
    }

    /** Business time {@code offset} ahead of {@code real}. */
    public BusinessClock(Clock real, Duration offset) {
        this.real = Objects.requireNonNull(real, "real");
        this.offset = new AtomicReference<>(requireForward(offset));
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset.get());
    }

    /** How far business time is ahead of the real time. */
    public Duration offset() {
        return offset.get();
    }

    /**
     * Moves business time forward by {@code by} (never back: deadlines already passed stay passed);
     * returns the new business time.
     */
    public Instant advance(Duration by) {
        requireForward(by);
        offset.updateAndGet(current -> current.plus(by));
        return instant();
    }

    /**
     * Sets the offset to exactly {@code to}, which must not be behind the current one (so several services
     * moved to one offset agree on business time, and a command repeated changes nothing).
     */
    public Instant moveTo(Duration to) {
        requireForward(to);
        offset.updateAndGet(current -> {
            if (to.compareTo(current) < 0) {
                throw new IllegalArgumentException("business time never goes back: the offset is " + current
                        + ", asked for " + to);
            }
            return to;
        });
        return instant();
    }

    /**
     * Puts the offset back to {@code to}, also backwards. For tests that share one application and move its
     * business time, to leave it where the next test expects it; no endpoint offers this.
     */
    public void rewindForTests(Duration to) {
        offset.set(requireForward(to));
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    /** A view in another zone that keeps following this clock (the offset as it is when asked, not when made). */
    @Override
    public Clock withZone(ZoneId zone) {
        BusinessClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    private static Duration requireForward(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("business time never goes back: " + duration);
        }
        return duration;
    }

    /**
     * Business time was moved (on the local platform): sweeps that act on deadlines run at once instead of at
     * their next tick. Published as an application event by whatever moved it.
     */
    public record Moved(Duration offset, Instant now) {
    }

    @Override
    public String toString() {
        return "BusinessClock[" + real + " + " + offset.get() + "]";
    }
}
