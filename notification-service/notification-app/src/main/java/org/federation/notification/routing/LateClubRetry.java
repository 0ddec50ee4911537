package org.federation.notification.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Routes again, on a timer, the events that named clubs the directory did not know yet: once the
 * clubs' events are read, their people get the notice (and nobody gets it twice). Gives up after
 * {@code federation.notifications.late-clubs.give-up-after} (10 minutes), with a warning naming the clubs.
 * Several instances may run it: routing again is idempotent.
 */
@Component
class LateClubRetry {

    private static final Logger log = LoggerFactory.getLogger(LateClubRetry.class);

    private final AwaitingClubs awaiting;
    private final Router router;
    private final Clock clock;
    private final Duration giveUpAfter;

    LateClubRetry(AwaitingClubs awaiting, Router router, Clock clock,
                  @Value("${federation.notifications.late-clubs.give-up-after:PT10M}") Duration giveUpAfter) {
        this.awaiting = awaiting;
        this.router = router;
        this.clock = clock;
        this.giveUpAfter = giveUpAfter;
    }

    @Scheduled(fixedDelayString = "${federation.notifications.late-clubs.retry:PT10S}",
            initialDelayString = "${federation.notifications.late-clubs.retry:PT10S}")
    void onTimer() {
        try {
            retry(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Routing events again for clubs read late failed; it runs again at the next tick", e);
        }
    }

    /** Routes every waiting event again; returns how many no longer wait (all clubs known, or given up). */
    int retry(Instant now) {
        int done = 0;
        for (AwaitingClubs.Waiting waiting : awaiting.oldestFirst(200)) {
            router.route(waiting.routed(), waiting.actor());
            var missing = router.missingClubs(waiting.routed());
            if (missing.isEmpty()) {
                awaiting.forget(waiting.routed());
                done++;
            } else if (waiting.since().plus(giveUpAfter).isBefore(now)) {
                log.warn("{} ({}) still names clubs unknown after {}: {}; their people get no notice of it",
                        waiting.routed().kind(), waiting.routed().subjectRef(), giveUpAfter, missing);
                awaiting.forget(waiting.routed());
                done++;
            }
        }
        return done;
    }
}
