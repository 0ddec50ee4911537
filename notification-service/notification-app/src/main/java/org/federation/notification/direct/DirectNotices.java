package org.federation.notification.direct;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

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
import org.federation.notification.contracts.NotificationTopics;
import org.federation.notification.direct.domain.DirectNotice;
import org.federation.notification.escalation.EscalationDefaults;
import org.federation.notification.escalation.Escalations;
import org.federation.notification.escalation.domain.Escalation;
import org.federation.notification.escalation.domain.EscalationTiming;
import org.federation.notification.inbox.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.notification.scheduling.Timers;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.problem.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * Sends departments' direct notices: stores the notice, then fans it out to every recipient's
 * inbox (one notice per recipient, id derived from the direct notice and the recipient), opens an
 * escalation per group when it asks for acknowledgement, and marks it sent with its event. The
 * fan-out runs right after the request and is claimed with a lease; a sweep resumes any fan-out a
 * crash interrupted, and a repeat posts nothing twice.
 */
@Service
public class DirectNotices {

    static final String COLLECTION = "direct-notices";
    private static final String FAN_OUT_UNTIL = "fanOutUntil";
    private static final Logger log = LoggerFactory.getLogger(DirectNotices.class);

    private final MongoTemplate mongo;
    private final AggregateRepository<DirectNotice, DirectNotice> directNotices;
    private final Audience audience;
    private final Inboxes inboxes;
    private final Escalations escalations;
    private final EscalationDefaults escalationDefaults;
    private final Clock clock;
    private final BusinessClock business;
    private final Duration lease;
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

    DirectNotices(MongoTemplate mongo, MongoIndexes indexes, AggregateStore store, Audience audience, Inboxes inboxes, Escalations escalations,
                  EscalationDefaults escalationDefaults, Clock clock, BusinessClock business, Timers timers,
                  @Value("${federation.notifications.fan-out.lease:PT5M}") Duration lease,
                  @Value("${federation.notifications.fan-out.sweep:PT30S}") Duration sweep) {
        this.mongo = mongo;
        this.directNotices = store.repository(COLLECTION, NotificationTopics.NOTIFICATION_EVENTS, DirectNotice.class);
        this.audience = audience;
        this.inboxes = inboxes;
        this.escalations = escalations;
        this.escalationDefaults = escalationDefaults;
        this.clock = clock;
        this.business = business;
        this.lease = lease;
        timers.every("fan-out-resume", sweep, sweep, this::resumeInterrupted);
        // a department's direct notices; the fan-out sweep by state
        indexes.ensure(COLLECTION, "department");
        indexes.ensure(COLLECTION, "state");
    }

    @PreDestroy
    void stop() {
        fanOuts.shutdownNow();
        posters.shutdownNow();
    }

    /** Stores the notice and starts its fan-out; returns it as stored ({@code sending}). */
    DirectNotice send(DirectNotice notice) {
        // stored quietly: the notice is announced once it has reached every inbox (sent)
        directNotices.create(notice.id(), Decision.quietly(notice));
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

    PageOf<DirectNotice> newestFirst(String department, int page, int size) {
        Criteria filter = department == null ? new Criteria() : where("department").is(department);
        return NewestFirst.page(mongo, COLLECTION, DirectNotice.class, filter, "createdAt", page, size);
    }

    /**
     * Fans the notice out if it is still {@code sending} and no other instance holds it; returns the
     * number of inboxes it reached, or -1 if it was not this call's to do.
     */
    public int fanOut(String id, Instant now) {
        Criteria free = new Criteria().orOperator(where(FAN_OUT_UNTIL).is(null), where(FAN_OUT_UNTIL).lt(now));
        var claimed = mongo.updateFirst(query(new Criteria().andOperator(where("_id").is(id),
                where("state").is(DirectNotice.SENDING), free)), new Update().set(FAN_OUT_UNTIL, now.plus(lease)), COLLECTION);
        if (claimed.getModifiedCount() == 0) {
            return -1;
        }
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
        for (var batch : batches) {
            try {
                batch.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("fan-out of direct notice " + id + " failed; it is resumed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("fan-out of direct notice " + id + " interrupted; it is resumed", e);
            }
        }
        if (notice.acknowledgeBy() != null) {
            // a notice sent before timings were chosen per notice has none: the defaults apply
            EscalationTiming timing = escalationDefaults.with(notice.escalateToLiaisonAfter(), notice.escalateToHeadAfter());
            resolved.recipientsByGroup().forEach((group, recipients) -> escalations.open(Escalation.open(id,
                    notice.department(), notice.title(), group,
                    group.startsWith("club:") ? group.substring("club:".length()) : null, recipients, notice.acknowledgeBy(),
                    timing)));
        }
        int count = resolved.clubsByRecipient().size();
        Instant sentAt = business.instant();
        directNotices.change(id, current -> current.sent(resolved.clubIds(), count, sentAt));
        mongo.updateFirst(query(where("_id").is(id)), new Update().unset(FAN_OUT_UNTIL), COLLECTION);
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
            Instant now = clock.instant();
            for (DirectNotice waiting : mongo.find(query(where("state").is(DirectNotice.SENDING)), DirectNotice.class, COLLECTION)) {
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
