package org.federation.platform.testing;

import java.time.Duration;
import java.time.Instant;

import org.federation.platform.domain.BusinessClock;

/**
 * Moves an app's business time for one test and puts it back afterwards, so the tests sharing that app
 * (one Spring context) keep the time they expect: {@code try (BusinessTimeTravel travel =
 * BusinessTimeTravel.of(clock)) { travel.advance(Duration.ofDays(400)); … }}. Leases, retries and token
 * expiry keep the real time meanwhile.
 */
public final class BusinessTimeTravel implements AutoCloseable {

    private final BusinessClock clock;
    private final Duration before;

    private BusinessTimeTravel(BusinessClock clock) {
        this.clock = clock;
        this.before = clock.offset();
    }

    public static BusinessTimeTravel of(BusinessClock clock) {
        return new BusinessTimeTravel(clock);
    }

    /** Moves business time forward; returns the new business time. */
    public Instant advance(Duration by) {
        return clock.advance(by);
    }

    /** Moves business time just past {@code moment}; returns the new business time. */
    public Instant pass(Instant moment) {
        Duration ahead = Duration.between(clock.instant(), moment);
        return ahead.isNegative() ? clock.instant() : clock.advance(ahead.plusMillis(1));
    }

    @Override
    public void close() {
        clock.rewindForTests(before);
    }
}
