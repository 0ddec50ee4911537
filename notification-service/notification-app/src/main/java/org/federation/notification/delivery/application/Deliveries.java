package org.federation.notification.delivery.application;

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
import java.util.function.Function;
import java.util.stream.Collectors;

import org.federation.notification.delivery.domain.ContactPreferences;
import org.federation.notification.delivery.domain.Delivery;
import org.federation.notification.delivery.domain.DeliveryRecords;
import org.federation.notification.delivery.domain.PermanentDeliveryFailure;
import org.federation.notification.delivery.domain.RetryPolicy;
import org.federation.notification.directory.domain.RecipientAccess;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.application.NoticeListener;
import org.federation.notification.inbox.domain.Notice;
import org.federation.notification.scheduling.application.Timers;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries beyond the inbox. Planned when a notice is posted (one per channel and address, id
 * derived from the notice and the address, so planning twice plans once), then attempted by a
 * worker on every instance: each attempt is claimed with a conditional update, recorded, and on
 * failure retried with exponential backoff until {@code max-attempts} ({@link RetryPolicy}). The poll
 * runs on a timer of its own and hands each claimed attempt to a pool of {@code workers} threads,
 * claiming no more than it has free threads for: a webhook that hangs holds one thread for its
 * timeout, never the poll, the other deliveries or any other sweep.
 *
 * <p>Giving up is visible three ways: the delivery is {@code failed} with its {@code failure} (what the
 * person sees at {@code GET /api/inbox/{notice}/deliveries}), the counter {@code notification.deliveries.failed}
 * (tags {@code channel}, {@code cause}: {@code refused} when no retry could help, {@code exhausted} when the
 * attempts ran out), and a warning naming the notice, the address and the reason.
 *
 * <p>Two instances never attempt one delivery at once: the claim is a compare-and-set on the delivery's
 * attempt count and lease ({@link DeliveryRecords#claim}), and the outcome is recorded only while the claim
 * is still the instance's. An attempt lasts at most the channel's timeouts (SMTP and webhooks: seconds), far
 * below the lease, so a claim does not lapse while its attempt is still sending (which would send twice).
 */
@Service
public class Deliveries implements NoticeListener {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final DeliveryRecords records;
    private final Inboxes inboxes;
    private final Contacts contacts;
    private final Map<String, Channel> channels;
    private final JsonMapper json;
    private final Clock clock;
    private final RetryPolicy retries;
    private final Duration lease;
    private final String instance = UUID.randomUUID().toString();
    private final ExecutorService workers;
    /** One per worker thread: an attempt is claimed only with a free thread to run it. */
    private final Semaphore freeWorkers;
    private final MeterRegistry meters;

    public Deliveries(DeliveryRecords records, Inboxes inboxes, Contacts contacts, List<Channel> channels,
                      JsonMapper json, Clock clock, Timers timers, MeterRegistry meters,
                      @Value("${federation.notifications.delivery.backoff:PT10S}") Duration backoff,
                      @Value("${federation.notifications.delivery.max-backoff:PT1H}") Duration maxBackoff,
                      @Value("${federation.notifications.delivery.max-attempts:6}") int maxAttempts,
                      @Value("${federation.notifications.delivery.lease:PT1M}") Duration lease,
                      @Value("${federation.notifications.delivery.poll:PT1S}") Duration poll,
                      @Value("${federation.notifications.delivery.workers:4}") int workers) {
        this.records = records;
        this.inboxes = inboxes;
        this.contacts = contacts;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.json = json;
        this.clock = clock;
        this.retries = new RetryPolicy(backoff, maxBackoff, maxAttempts);
        this.lease = lease;
        this.workers = timers.workers("delivery", workers);
        this.freeWorkers = new Semaphore(workers);
        this.meters = meters;
        // registered at start, at zero: an alert on a series that appears only with the first failure never sees it rise
        for (String channel : List.of(ContactPreferences.EMAIL, ContactPreferences.WEBHOOK)) {
            for (String outcome : List.of("delivered", "error")) {
                attempts(channel, outcome);
            }
            for (String cause : List.of("refused", "exhausted")) {
                givenUp(channel, cause);
            }
        }
        timers.every("delivery-poll", poll, poll, this::onTimer);
    }

    @Override
    public void beforePosting(Notice notice) {
        beforePostingAll(List.of(notice));
    }

    /** Plans the batch's deliveries with one lookup of its contacts and one unordered insert. */
    @Override
    public void beforePostingAll(List<Notice> notices) {
        Map<String, ContactPreferences> all = contacts.ofAll(notices.stream().map(Notice::recipient).distinct().toList());
        Channel email = channels.get(ContactPreferences.EMAIL);
        boolean emailAvailable = email != null && email.available();
        List<Delivery> planned = new ArrayList<>();
        for (Notice notice : notices) {
            for (ContactPreferences.Target target : all.get(notice.recipient()).targets(emailAvailable)) {
                planned.add(plan(notice, target.channel(), target.address()));
            }
        }
        // a delivery planned when the notice was first posted stays as it is (its id is taken)
        records.planAll(planned);
    }

    private Delivery plan(Notice notice, String channel, String target) {
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
        return new Delivery(Notice.idFor(notice.id() + "|" + channel, target), notice.id(), notice.recipient(),
                channel, target, Delivery.subjectOf(notice.title()), Delivery.textOf(notice.body(), notice.acknowledgeBy()),
                json.writeValueAsString(payload), Delivery.PENDING, 0, clock.instant(), List.of(), clock.instant(), null);
    }

    public List<Delivery> ofNotice(String noticeId) {
        return records.ofNotice(noticeId);
    }

    /** A notice's deliveries, for the owner of its inbox and the presidium. */
    public List<Delivery> ofNotice(String noticeId, Caller caller) {
        Notice notice = inboxes.get(noticeId);
        if (!RecipientAccess.mayRead(caller, notice.recipient())) {
            throw new ForbiddenException("the deliveries of notice " + noticeId + " are seen by the owner of "
                    + notice.recipient() + " and the presidium");
        }
        return ofNotice(noticeId);
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
        int started = 0;
        for (Delivery delivery : records.due(now, 100)) {
            if (!freeWorkers.tryAcquire()) {
                break;
            }
            if (!records.claim(delivery, now, now.plus(lease), instance) || !start(delivery, now)) {
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

    private void attempt(Delivery delivery, Instant now) {
        Channel channel = channels.get(delivery.channel());
        int number = delivery.attempts() + 1;
        RetryPolicy.Result result;
        String detail;
        try {
            if (channel == null) {
                throw new PermanentDeliveryFailure("no channel " + delivery.channel() + " on this instance");
            }
            channel.send(delivery);
            result = RetryPolicy.Result.DELIVERED;
            detail = "accepted";
        } catch (PermanentDeliveryFailure e) {
            result = RetryPolicy.Result.REFUSED;
            detail = e.getMessage();
        } catch (Exception e) {
            result = RetryPolicy.Result.FAILED;
            detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        RetryPolicy.Outcome outcome = retries.after(number, result, detail, now, clock.instant());
        String said = outcome.attempt().outcome();
        if (!records.record(delivery.id(), instance, outcome)) {
            // the claim lapsed and another instance holds the delivery now: its record counts, not this one
            log.warn("Delivery {} of notice {}: attempt {} ({}) ended after its claim lapsed (lease {}); not recorded",
                    delivery.id(), delivery.noticeId(), number, said, lease);
            return;
        }
        attempts(delivery.channel(), Delivery.DELIVERED.equals(said) ? "delivered" : "error").increment();
        if (outcome.givenUp()) {
            givenUp(delivery.channel(), result == RetryPolicy.Result.REFUSED ? "refused" : "exhausted").increment();
            log.warn("Gave up delivering notice {} to {} by {} ({}): {}. It stays failed, shown at GET /api/inbox/{}/deliveries;"
                            + " check the {} and the address, then send the notice again if it still matters.",
                    delivery.noticeId(), delivery.target(), delivery.channel(), delivery.recipient(), outcome.failure(),
                    delivery.noticeId(), ContactPreferences.EMAIL.equals(delivery.channel())
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
}
