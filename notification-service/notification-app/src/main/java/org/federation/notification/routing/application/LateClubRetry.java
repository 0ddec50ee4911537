package org.federation.notification.routing.application;

import org.federation.notification.routing.domain.AwaitingClubs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.federation.notification.scheduling.application.Timers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Routes again, on a timer of its own, the events that named clubs the directory did not know yet:
 * once the clubs' events are read, their people get the notice (and nobody gets it twice). Nothing is
 * dropped, however late the clubs come: each waiting event is tried again after {@code retry}, then
 * ever less often (doubling, at most {@code max-backoff}), so events whose clubs never come do not
 * crowd out the others. The backlog is visible: gauges {@code notification.routing.awaiting.clubs}
 * (how many wait) and {@code notification.routing.awaiting.clubs.oldest} (seconds the oldest has
 * waited), and a warning at most every {@code report-every} naming what waits for which clubs.
 * Several instances may run it: an attempt is claimed by compare-and-set, and routing again is
 * idempotent anyway.
 */
@Component
public class LateClubRetry {

    private static final Logger log = LoggerFactory.getLogger(LateClubRetry.class);
    private static final int NAMED_IN_REPORT = 5;

    private final AwaitingClubs awaiting;
    private final Router router;
    private final Clock clock;
    private final Duration retry;
    private final Duration maxBackoff;
    private final Duration reportEvery;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicReference<Instant> oldestSince = new AtomicReference<>();
    private final AtomicReference<Instant> reportedAt = new AtomicReference<>();

    LateClubRetry(AwaitingClubs awaiting, Router router, Clock clock, MeterRegistry meters, Timers timers,
                  @Value("${federation.notifications.late-clubs.retry:PT10S}") Duration retry,
                  @Value("${federation.notifications.late-clubs.max-backoff:PT5M}") Duration maxBackoff,
                  @Value("${federation.notifications.late-clubs.report-every:PT5M}") Duration reportEvery) {
        this.awaiting = awaiting;
        this.router = router;
        this.clock = clock;
        this.retry = retry;
        this.maxBackoff = maxBackoff;
        this.reportEvery = reportEvery;
        Gauge.builder("notification.routing.awaiting.clubs", waiting, AtomicLong::get)
                .description("routed events waiting for clubs not read yet").register(meters);
        Gauge.builder("notification.routing.awaiting.clubs.oldest", this, r -> r.oldestWaitSeconds(clock.instant()))
                .description("how long the oldest routed event has waited for its clubs").baseUnit("seconds").register(meters);
        timers.every("late-club-retry", retry, retry, () -> retry(clock.instant()));
    }

    /**
     * Routes every waiting event that is due again; returns how many no longer wait (all their clubs
     * known). Then refreshes the backlog and, at most every {@code report-every}, names it in the log.
     */
    public int retry(Instant now) {
        int done = 0;
        for (AwaitingClubs.Waiting due : awaiting.due(now, 200)) {
            if (!awaiting.claim(due, now.plus(backoffAfter(due.tried() + 1)))) {
                continue; // another instance is on it
            }
            router.route(due.routed(), due.actor());
            if (router.missingClubs(due.routed()).isEmpty()) {
                awaiting.forget(due.routed());
                done++;
            }
        }
        AwaitingClubs.Backlog backlog = awaiting.backlog();
        waiting.set(backlog.waiting());
        oldestSince.set(backlog.oldestSince());
        report(backlog, now);
        return done;
    }

    /** The wait after the n-th attempt: retry × 2^(n-1), at most max-backoff. */
    public Duration backoffAfter(int attempt) {
        Duration wait = retry.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    long waiting() {
        return waiting.get();
    }

    private double oldestWaitSeconds(Instant now) {
        Instant oldest = oldestSince.get();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
    }

    private void report(AwaitingClubs.Backlog backlog, Instant now) {
        Instant last = reportedAt.get();
        if (backlog.waiting() == 0 || (last != null && now.isBefore(last.plus(reportEvery)))
                || !reportedAt.compareAndSet(last, now)) {
            return;
        }
        String named = awaiting.oldestFirst(NAMED_IN_REPORT).stream()
                .map(w -> w.routed().kind() + " (" + w.routed().subjectRef() + ", since " + w.since() + ") waits for "
                        + w.missingClubs())
                .collect(Collectors.joining("; "));
        log.warn("{} routed event(s) wait for clubs not read yet, their people get the notice once they are; oldest: {}",
                backlog.waiting(), named);
    }
}
