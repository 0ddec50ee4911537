package org.federation.notification.delivery.application;

import org.federation.notification.delivery.infrastructure.Contacts;


import org.federation.notification.delivery.infrastructure.WebhookChannel;
import org.federation.notification.delivery.domain.ContactPreferences;
import org.federation.notification.delivery.infrastructure.EmailChannel;
import org.federation.notification.delivery.domain.PermanentDeliveryFailure;
import org.federation.notification.delivery.domain.Delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import org.bson.Document;
import org.federation.notification.inbox.application.NoticeListener;
import org.federation.notification.inbox.domain.Notice;
import org.federation.notification.scheduling.application.Timers;
import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.persistence.MongoIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries beyond the inbox. Planned when a notice is posted (one per channel and address, id
 * derived from the notice and the address, so planning twice plans once), then attempted by a
 * worker on every instance: each attempt is claimed with a conditional update, recorded, and on
 * failure retried with exponential backoff until {@code max-attempts}. The poll runs on a timer of its
 * own and hands each claimed attempt to a pool of {@code workers} threads, claiming no more than it
 * has free threads for: a webhook that hangs holds one thread for its timeout, never the poll, the
 * other deliveries or any other sweep.
 *
 * <p>Giving up is visible three ways: the delivery is {@code failed} with its {@code failure} (what the
 * person sees at {@code GET /api/inbox/{notice}/deliveries}), the counter {@code notification.deliveries.failed}
 * (tags {@code channel}, {@code cause}: {@code refused} when no retry could help, {@code exhausted} when the
 * attempts ran out), and a warning naming the notice, the address and the reason.
 *
 * <p>Two instances never attempt one delivery at once: the claim is a compare-and-set on the delivery's
 * attempt count and lease, and the outcome is recorded only while the claim is still the instance's. An
 * attempt lasts at most the channel's timeouts (SMTP and webhooks: seconds), far below the lease, so a
 * claim does not lapse while its attempt is still sending (which would send twice).
 */
@Service
public class Deliveries implements NoticeListener {

    public static final String COLLECTION = "deliveries";
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;
    private final Contacts contacts;
    private final EmailChannel email;
    private final WebhookChannel webhook;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration backoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final Duration lease;
    private final String instance = UUID.randomUUID().toString();
    private final ExecutorService workers;
    /** One per worker thread: an attempt is claimed only with a free thread to run it. */
    private final Semaphore freeWorkers;
    private final MeterRegistry meters;

    public Deliveries(MongoTemplate mongo, MongoIndexes indexes, IdempotentWrites writes, Contacts contacts, EmailChannel email, WebhookChannel webhook,
               JsonMapper json, Clock clock, Timers timers, MeterRegistry meters,
               @Value("${federation.notifications.delivery.backoff:PT10S}") Duration backoff,
               @Value("${federation.notifications.delivery.max-backoff:PT1H}") Duration maxBackoff,
               @Value("${federation.notifications.delivery.max-attempts:6}") int maxAttempts,
               @Value("${federation.notifications.delivery.lease:PT1M}") Duration lease,
               @Value("${federation.notifications.delivery.poll:PT1S}") Duration poll,
               @Value("${federation.notifications.delivery.workers:4}") int workers) {
        this.mongo = mongo;
        this.writes = writes;
        this.contacts = contacts;
        this.email = email;
        this.webhook = webhook;
        this.json = json;
        this.clock = clock;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
        this.lease = lease;
        this.workers = timers.workers("delivery", workers);
        this.freeWorkers = new Semaphore(workers);
        this.meters = meters;
        // registered at start, at zero: an alert on a series that appears only with the first failure never sees it rise
        for (String channel : List.of("email", "webhook")) {
            for (String outcome : List.of("delivered", "error")) {
                attempts(channel, outcome);
            }
            for (String cause : List.of("refused", "exhausted")) {
                givenUp(channel, cause);
            }
        }
        timers.every("delivery-poll", poll, poll, this::onTimer);
        // the delivery sweep (pending ones due); a notice's deliveries
        indexes.ensure(COLLECTION, "status", "nextAttemptAt");
        indexes.ensure(COLLECTION, "noticeId");
    }

    @Override
    public void beforePosting(Notice notice) {
        beforePostingAll(List.of(notice));
    }

    /** Plans the batch's deliveries with one lookup of its contacts and one unordered insert. */
    @Override
    public void beforePostingAll(List<Notice> notices) {
        Map<String, ContactPreferences> all = contacts.ofAll(notices.stream().map(Notice::recipient).distinct().toList());
        List<Document> planned = new ArrayList<>();
        for (Notice notice : notices) {
            ContactPreferences contact = all.get(notice.recipient());
            if (contact.emailEnabled() && contact.email() != null && email.available()) {
                planned.add(plan(notice, email.name(), contact.email()));
            }
            contact.webhooks().forEach(url -> planned.add(plan(notice, webhook.name(), url)));
        }
        // a delivery planned when the notice was first posted stays as it is (its id is taken)
        writes.insertAllOnce(COLLECTION, planned);
    }

    private Document plan(Notice notice, String channel, String target) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("noticeId", notice.id());
        payload.put("recipient", notice.recipient());
        payload.put("kind", notice.kind());
        payload.put("title", notice.title());
        payload.put("body", notice.body());
        payload.put("subjectRef", notice.subjectRef());
        payload.put("postedAt", notice.postedAt().toString());
        if (notice.acknowledgeBy() != null) {
            payload.put("acknowledgeBy", notice.acknowledgeBy().toString());
        }
        String text = notice.body() + (notice.acknowledgeBy() == null ? ""
                : "\n\nPlease acknowledge it in the federation portal by " + notice.acknowledgeBy() + ".");
        Delivery delivery = new Delivery(Notice.idFor(notice.id() + "|" + channel, target), notice.id(), notice.recipient(),
                channel, target, "[Federation] " + notice.title(), text, json.writeValueAsString(payload), Delivery.PENDING,
                0, clock.instant(), List.of(), clock.instant(), null);
        Document document = new Document();
        mongo.getConverter().write(delivery, document);
        document.remove("_class");
        return document;
    }

    public List<Delivery> ofNotice(String noticeId) {
        return mongo.find(query(where("noticeId").is(noticeId)).with(Sort.by("channel", "target")), Delivery.class, COLLECTION);
    }

    void onTimer() {
        try {
            attemptDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Delivery attempts failed; tried again at the next tick", e);
        }
    }

    /**
     * Starts an attempt of every delivery due by {@code now} that no other instance holds, as far as
     * there are free workers (the rest wait for the next poll); returns how many were started.
     */
    public int attemptDue(Instant now) {
        if (freeWorkers.availablePermits() == 0) {
            return 0;
        }
        var due = query(new Criteria().andOperator(where("status").is(Delivery.PENDING), where("nextAttemptAt").lte(now),
                free(now))).limit(100);
        int started = 0;
        for (Delivery delivery : mongo.find(due, Delivery.class, COLLECTION)) {
            if (!freeWorkers.tryAcquire()) {
                break;
            }
            if (!claim(delivery, now) || !start(delivery, now)) {
                freeWorkers.release();
                continue;
            }
            started++;
        }
        return started;
    }

    private boolean start(Delivery delivery, Instant now) {
        try {
            workers.execute(() -> {
                try {
                    attempt(delivery, now);
                } catch (RuntimeException e) {
                    // the claim lapses after the lease and the attempt is made again
                    log.warn("Delivery {} could not be attempted; tried again once its claim lapses", delivery.id(), e);
                } finally {
                    freeWorkers.release();
                }
            });
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            return false; // claimed but not run: the claim lapses after the lease
        }
    }

    private static Criteria free(Instant now) {
        return new Criteria().orOperator(where("claimedUntil").is(null), where("claimedUntil").lt(now));
    }

    private boolean claim(Delivery delivery, Instant now) {
        return mongo.updateFirst(query(new Criteria().andOperator(where("_id").is(delivery.id()),
                        where("status").is(Delivery.PENDING), where("attempts").is(delivery.attempts()), free(now))),
                new Update().set("claimedUntil", now.plus(lease)).set("claimedBy", instance), COLLECTION).getModifiedCount() == 1;
    }

    private void attempt(Delivery delivery, Instant now) {
        Channel channel = "email".equals(delivery.channel()) ? email : webhook;
        int number = delivery.attempts() + 1;
        String outcome;
        String detail;
        boolean permanent = false;
        try {
            channel.send(delivery);
            outcome = Delivery.DELIVERED;
            detail = "accepted";
        } catch (PermanentDeliveryFailure e) {
            outcome = "error";
            detail = e.getMessage();
            permanent = true;
        } catch (Exception e) {
            outcome = "error";
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Instant at = clock.instant();
        Update update = new Update().inc("attempts", 1)
                .push("history", new Document("number", number).append("at", java.util.Date.from(at))
                        .append("outcome", outcome).append("detail", detail))
                .unset("claimedUntil").unset("claimedBy");
        String failure = null;
        if (Delivery.DELIVERED.equals(outcome)) {
            update.set("status", Delivery.DELIVERED).unset("nextAttemptAt");
        } else if (permanent || number >= maxAttempts) {
            failure = (permanent ? "refused, not retried: " : "gave up after " + number + " attempts: ") + detail;
            update.set("status", Delivery.FAILED).set("failure", failure).unset("nextAttemptAt");
        } else {
            update.set("nextAttemptAt", now.plus(backoffAfter(number)));
        }
        boolean recorded = mongo.updateFirst(query(where("_id").is(delivery.id()).and("claimedBy").is(instance)), update,
                COLLECTION).getModifiedCount() == 1;
        if (!recorded) {
            // the claim lapsed and another instance holds the delivery now: its record counts, not this one
            log.warn("Delivery {} of notice {}: attempt {} ({}) ended after its claim lapsed (lease {}); not recorded",
                    delivery.id(), delivery.noticeId(), number, outcome, lease);
            return;
        }
        attempts(delivery.channel(), Delivery.DELIVERED.equals(outcome) ? "delivered" : "error").increment();
        if (failure != null) {
            givenUp(delivery.channel(), permanent ? "refused" : "exhausted").increment();
            log.warn("Gave up delivering notice {} to {} by {} ({}): {}. It stays failed, shown at GET /api/inbox/{}/deliveries;"
                            + " check the {} and the address, then send the notice again if it still matters.",
                    delivery.noticeId(), delivery.target(), delivery.channel(), delivery.recipient(), failure,
                    delivery.noticeId(), "email".equals(delivery.channel())
                            ? "SMTP server (spring.mail.host/port) and its log" : "receiver of the webhook");
        }
    }

    private Counter attempts(String channel, String outcome) {
        return Counter.builder("notification.deliveries.attempts").description("Delivery attempts, by channel and outcome")
                .tag("channel", channel).tag("outcome", outcome).register(meters);
    }

    private Counter givenUp(String channel, String cause) {
        return Counter.builder("notification.deliveries.failed")
                .description("Deliveries given up: refused (no retry could help) or exhausted (the attempts ran out)")
                .tag("channel", channel).tag("cause", cause).register(meters);
    }

    /** The wait after the n-th failed attempt: backoff × 2^(n-1), at most max-backoff. */
    Duration backoffAfter(int attempt) {
        Duration wait = backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
