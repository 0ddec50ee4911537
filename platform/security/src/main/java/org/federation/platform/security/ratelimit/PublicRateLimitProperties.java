package org.federation.platform.security.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests one client address may make to the endpoints open to anonymous callers
 * ({@code federation.security.public-rate-limit.*}).
 *
 * @param requests requests per address and window (300). A person browsing the club directory or the
 *                 calendar makes a few dozen a minute; 300 lets a lecture hall behind one campus NAT
 *                 address browse at once, while a scraper or a flood is held to 5 requests a second
 *                 per address, which every service answers without effort
 * @param window   the fixed window the requests are counted in (1 minute): short enough that a
 *                 refused client waits at most a minute ({@code Retry-After})
 */
@ConfigurationProperties("federation.security.public-rate-limit")
public record PublicRateLimitProperties(Integer requests, Duration window) {

    public PublicRateLimitProperties {
        if (requests == null) {
            requests = 300;
        }
        if (window == null) {
            window = Duration.ofMinutes(1);
        }
        if (requests < 1 || window.toMillis() < 1000) {
            throw new IllegalArgumentException("federation.security.public-rate-limit: requests must be at least 1 "
                    + "and the window at least one second");
        }
    }
}
