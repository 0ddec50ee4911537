package org.federation.notification.direct.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.federation.platform.domain.BusinessClock;
import org.federation.platform.domain.Decision;
import org.federation.notification.direct.domain.DirectNotice;
import org.federation.notification.direct.domain.DirectNoticeRecords;
import org.federation.notification.escalation.application.EscalationDefaults;
import org.federation.notification.escalation.domain.Escalation;
import org.federation.notification.escalation.domain.EscalationTiming;
import org.federation.notification.escalation.domain.EscalationRecords;
import org.federation.notification.inbox.domain.Notice;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.scheduling.application.Timers;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * Sends departments' direct notices: stores the notice, then fans it out to every recipient's
 * inbox (one notice per recipient, id derived from the direct notice and the recipient), opens an
 * escalation per group when it asks for acknowledgement, and marks it sent with its event. The
 * fan-out runs right after the request and is claimed with a lease; a sweep resumes any fan-out a
 * crash interrupted (once its lease lapsed) or that failed (its lease given back at once, or at the next
 * sweep if the store was away), and a repeat posts nothing twice.
 */
@Service
public class DirectNotices {

    private static final Logger log = LoggerFactory.getLogger(DirectNotices.class);

    private final DirectNoticeRecords directNotices;
    private final Audience audience;
    private final Inboxes inboxes;
    private final EscalationRecords escalations;
    private final EscalationDefaults escalationDefaults;
    private final Clock clock;
    private final BusinessClock business;
    private final Duration lease;
    /** Fan-outs that failed here while the store was away, with the lease to give back once it answers. */
    private final Map<String, Instant> leasesToGiveBack = new java.util.concurrent.ConcurrentHashMap<>();
    /** Notices posted per batch: their deliveries are planned with one lookup of the batch's contacts. */
    private static final int BATCH = 500;
    /** Batches of one fan-out posted in parallel. */
    private final ExecutorService posters = Executors.newFixedThreadPool(3, r -> {
        Thread thread = new Thread(r, "direct-notice-poster");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService fanOuts = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "direct-notice-fan-out");
        thread.setDaemon(true);
        return thread;
    });

    DirectNotices(DirectNoticeRecords directNotices, Audience audience, Inboxes inboxes, EscalationRecords escalations,
                  EscalationDefaults escalationDefaults, Clock clock, BusinessClock business, Timers timers,
                  @Value("${federation.notifications.fan-out.lease:PT5M}") Duration lease,
                  @Value("${federation.notifications.fan-out.sweep:PT30S}") Duration sweep) {
        this.directNotices = directNotices;
        this.audience = audience;
        this.inboxes = inboxes;
        this.escalations = escalations;
        this.escalationDefaults = escalationDefaults;
        this.clock = clock;
        this.business = business;
        this.lease = lease;
        timers.every("fan-out-resume", sweep, sweep, this::resumeInterrupted);
    }

    @PreDestroy
    void stop() {
        fanOuts.shutdownNow();
        posters.shutdownNow();
    }

    /**
     * Sends a department's notice on behalf of one of its members or head (or the presidium): checks
     * its audience and deadline ({@link DirectNotice#compose}), that the clubs it names exist, and
     * that somebody is known to receive it; stores it and starts its fan-out.
     *
     * @return the notice as stored ({@code sending})
     */
    public DirectNotice send(DirectNoticeDraft draft, Caller caller) {
        if (!caller.actsFor(draft.department())) {
            throw new ForbiddenException("a notice from the " + draft.department()
                    + " department is sent by its members and head, or by the presidium");
        }
        // the deadline and the notice's times are business time; the fan-out lease is real time
        Instant now = business.instant();
        List<String> clubIds = draft.clubIds() == null ? List.of() : draft.clubIds().stream().distinct().toList();
        DirectNotice.requireAudience(draft.audience(), draft.category(), clubIds, draft.reach());
        Instant deadline = draft.deadline();
        DirectNotice.requireDeadline(deadline, now);
        List<String> unknown = audience.unknownClubs(clubIds);
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("clubIds", "no current club has the id(s) " + unknown);
        }
        DirectNotice.requireDeadlineForEscalation(deadline, draft.escalateToLiaisonAfter() != null,
                draft.escalateToHeadAfter() != null);
        EscalationTiming timing = deadline == null ? null : draft.timing(escalationDefaults);
        DirectNotice notice = DirectNotice.compose(newId(), draft.department(), caller.subject(), draft.title(),
                draft.body(), draft.audience(), draft.category(), clubIds, draft.reach(), deadline,
                timing == null ? null : timing.toLiaison(), timing == null ? null : timing.toHead(), now);
        if (audience.resolve(notice).isEmpty()) {
            throw new RuleViolationException("audience", "nobody is known to receive it yet (no "
                    + (DirectNotice.LIAISON_OFFICERS.equals(notice.audience()) ? "liaison officer"
                    : "club with leaders or members") + ")");
        }
        return send(notice);
    }

    /** Stores the notice and starts its fan-out; returns it as stored ({@code sending}). */
    private DirectNotice send(DirectNotice notice) {
        // stored quietly: the notice is announced once it has reached every inbox (sent)
        directNotices.create(notice);
        fanOuts.submit(() -> {
            try {
                fanOut(notice.id(), clock.instant());
            } catch (RuntimeException e) {
                log.warn("Fan-out of direct notice {} failed; the sweep resumes it", notice.id(), e);
            }
        });
        return notice;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    public Optional<DirectNotice> find(String id) {
        return directNotices.find(id);
    }

    DirectNotice get(String id) {
        return find(id).orElseThrow(() -> new ResourceNotFoundException("direct notice", id));
    }

    /** A direct notice, for its department's members and head and the presidium. */
    public DirectNotice readable(String id, Caller caller) {
        DirectNotice notice = get(id);
        if (!caller.actsFor(notice.department())) {
            throw new ForbiddenException("direct notice " + id + " is seen by the " + notice.department()
                    + " department's members and head and the presidium");
        }
        return notice;
    }

    /** A department's notices for its members and head and the presidium; every department's for the presidium. */
    public PageOf<DirectNotice> newestFirst(String department, int page, int size, Caller caller) {
        if (department == null ? !caller.isPresidium() : !caller.actsFor(department)) {
            throw new ForbiddenException("a department's direct notices are listed for its members and head and the "
                    + "presidium; all departments' for the presidium");
        }
        return directNotices.newestFirst(department, page, size);
    }

    /**
     * Fans the notice out if it is still {@code sending} and no other instance holds it; returns the
     * number of inboxes it reached, or -1 if it was not this call's to do.
     */
    public int fanOut(String id, Instant now) {
        // the store keeps milliseconds: the lease given back must equal the one stored
        Instant until = now.plus(lease).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (!directNotices.claimFanOut(id, now, until)) {
            return -1;
        }
        try {
            return fanOutClaimed(id, until);
        } catch (RuntimeException e) {
            // a store blip or a shutdown, not a crash: the next sweep (of any instance) resumes it, not the lease's end
            giveBack(id, until);
            throw e;
        }
    }

    private void giveBack(String id, Instant until) {
        try {
            directNotices.releaseFanOut(id, until);
            leasesToGiveBack.remove(id);
        } catch (RuntimeException storeAway) {
            leasesToGiveBack.put(id, until);
            log.warn("Could not give back the fan-out lease of direct notice {} ({}); tried again at the next sweep", id,
                    storeAway.toString());
        }
    }

    private int fanOutClaimed(String id, Instant until) {
        DirectNotice notice = get(id);
        Audience.Resolved resolved = audience.resolve(notice);
        Instant postedAt = business.instant();
        List<Notice> all = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entry : resolved.clubsByRecipient().entrySet()) {
            String recipient = entry.getKey();
            all.add(new Notice(Notice.idFor("direct:" + id, recipient), recipient, "direct", notice.title(),
                    notice.body(), "direct-notice:" + id, postedAt, null, notice.department(), id,
                    new ArrayList<>(entry.getValue()), notice.acknowledgeBy(), null));
        }
        List<java.util.concurrent.Future<Integer>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Notice> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            batches.add(posters.submit(() -> inboxes.postAll(batch, notice.sentBy())));
        }
        Throwable failed = null;
        for (var batch : batches) {
            try {
                batch.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // the other batches finish first: the lease is given back only when nothing of ours still writes
                failed = failed == null ? e.getCause() : failed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("fan-out of direct notice " + id + " interrupted; it is resumed", e);
            }
        }
        if (failed != null) {
            throw new IllegalStateException("fan-out of direct notice " + id + " failed; it is resumed", failed);
        }
        if (notice.acknowledgeBy() != null) {
            // a notice sent before timings were chosen per notice has none: the defaults apply
            EscalationTiming timing = escalationDefaults.with(notice.escalateToLiaisonAfter(), notice.escalateToHeadAfter());
            List<Decision<Escalation>> opened = new ArrayList<>();
            resolved.recipientsByGroup().forEach((group, recipients) -> opened.add(Escalation.open(id,
                    notice.department(), notice.title(), group,
                    group.startsWith("club:") ? group.substring("club:".length()) : null, recipients, notice.acknowledgeBy(),
                    timing)));
            escalations.openAll(opened);
        }
        int count = resolved.clubsByRecipient().size();
        Instant sentAt = business.instant();
        directNotices.change(id, current -> current.sent(resolved.clubIds(), count, sentAt));
        directNotices.releaseFanOut(id, until);
        log.info("Direct notice {} from {} reached {} inboxes in {} groups", id, notice.department(), count,
                resolved.recipientsByGroup().size());
        return count;
    }

    /**
     * Resumes fan-outs a crash interrupted (their lease lapsed), on a timer of its own; each is claimed
     * by compare-and-set on its lease in {@link #fanOut}, so two instances never fan one out at once.
     */
    void resumeInterrupted() {
        try {
            leasesToGiveBack.forEach(this::giveBack);
            Instant now = clock.instant();
            for (DirectNotice waiting : directNotices.sending()) {
                // createdAt is business time; the fan-out lease (in fanOut) is real time
                if (waiting.createdAt().isBefore(business.instant().minusSeconds(5))) {
                    fanOut(waiting.id(), now);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Resuming interrupted fan-outs failed; tried again at the next tick", e);
        }
    }
}
