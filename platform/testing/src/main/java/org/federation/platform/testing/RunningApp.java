package org.federation.platform.testing;

import java.time.Duration;
import java.time.Instant;

import org.federation.platform.domain.BusinessClock;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What a service test reaches of the app it started: its port, its request mappings (for the
 * authorization matrix), its store (for "nothing changed" checks) and its business clock, which a
 * test moves instead of waiting for a deadline. Business time is put back after each test, so the
 * tests sharing the app (one Spring context) each start at the real time; leases, retries and token
 * expiry never see it move.
 */
public abstract class RunningApp {

    @LocalServerPort
    protected int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    protected RequestMappingHandlerMapping mappings;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired(required = false)
    protected BusinessClock businessClock;

    /** The app over real HTTP, calling anonymously. */
    public HttpProbe app() {
        return HttpProbe.onPort(port);
    }

    /** Moves the app's business time just past {@code moment} (if it is not past already); returns business now. */
    public Instant passBusinessTime(Instant moment) {
        Duration ahead = Duration.between(businessClock.instant(), moment);
        return ahead.isNegative() ? businessClock.instant() : businessClock.advance(ahead.plusMillis(1));
    }

    @AfterEach
    void rewindBusinessTime() {
        if (businessClock != null) {
            businessClock.rewindForTests(Duration.ZERO);
        }
    }
}
