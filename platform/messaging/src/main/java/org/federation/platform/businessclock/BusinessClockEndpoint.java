package org.federation.platform.businessclock;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.federation.platform.domain.BusinessClock;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Nullable;

/**
 * The local platform's business clock, {@code /actuator/businessclock} on the management port (presidium
 * token), so a person can watch a term end or a report fall overdue without waiting months:
 * <ul>
 * <li>{@code GET}: business time now, the real time and the offset between them;</li>
 * <li>{@code POST {"advance": "P30D"}}: moves business time forward by an ISO-8601 duration;</li>
 * <li>{@code POST {"offset": "P30D"}}: sets the offset (never behind the current one), which is how one
 *     command moves all four services to the same business time.</li>
 * </ul>
 * Once moved, the service's deadline sweeps run before the answer (a {@link BusinessClock.Moved} event),
 * so what fell due is flagged by the time the command returns; what other services do about it follows
 * through the topics. Exists only under the {@code local} profile ({@link LocalBusinessClockAutoConfiguration}).
 */
@Endpoint(id = "businessclock")
public class BusinessClockEndpoint {

    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    public BusinessClockEndpoint(BusinessClock clock, ApplicationEventPublisher events) {
        this.clock = clock;
        this.events = events;
    }

    /** Business time, the real time and the offset. */
    public record Time(Instant now, Instant realNow, String offset) {
    }

    @ReadOperation
    public Time time() {
        Instant now = clock.instant();
        return new Time(now, now.minus(clock.offset()), clock.offset().toString());
    }

    @WriteOperation
    public Time move(@Nullable String advance, @Nullable String offset) {
        if ((advance == null) == (offset == null)) {
            throw new InvalidEndpointRequestException("say either \"advance\" (e.g. \"P30D\") or \"offset\"",
                    "advance or offset, not both");
        }
        try {
            if (advance != null) {
                clock.advance(Duration.parse(advance.strip()));
            } else {
                clock.moveTo(Duration.parse(offset.strip()));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), "an ISO-8601 duration, forward only");
        }
        events.publishEvent(new BusinessClock.Moved(clock.offset(), clock.instant()));
        return time();
    }
}
