package org.federation.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code federation.web.idempotency.*}: how commands sent with an {@code Idempotency-Key} are
 * remembered.
 *
 * @param enabled   whether the header is honoured at all (default true)
 * @param retention how long a completed command's response is replayed for a retry (default 24 h)
 * @param lease     how long a key stays claimed by a request still running (default 60 s); after
 *                  that (the instance died mid-request) a retry takes the key over and runs
 */
@ConfigurationProperties("federation.web.idempotency")
public record IdempotencyProperties(Boolean enabled, Duration retention, Duration lease) {

    public IdempotencyProperties {
        enabled = enabled == null || enabled;
        retention = retention == null ? Duration.ofHours(24) : retention;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        if (retention.isNegative() || retention.isZero() || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("federation.web.idempotency.retention and .lease must be positive");
        }
    }
}
