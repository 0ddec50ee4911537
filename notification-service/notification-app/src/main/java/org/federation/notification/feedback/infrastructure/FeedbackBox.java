package org.federation.notification.feedback.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.federation.notification.contracts.NotificationTopics;
import org.federation.notification.directory.application.Recipients;
import org.federation.notification.feedback.domain.Feedback;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * The public feedback channel: anyone sends a suggestion or complaint (rate-limited per sender and
 * per address), it lands in the chosen department's inbox, the department answers, the sender
 * follows its status (with a follow-up token if anonymous), and answered items the department
 * makes public are listed for everyone. The inbox notices are consequences of the stored feedback's
 * events ({@link FeedbackNotices}), never a second write of the request.
 */
@Service
public class FeedbackBox {

    static final String COLLECTION = "feedback";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the sender gets back: the feedback and, for an anonymous sender, the token to follow it with. */
    public record Sent(Feedback feedback, String followUpToken) {
    }

    private final MongoTemplate mongo;
    private final AggregateRepository<Feedback, Feedback> feedback;
    private final RateLimits limits;
    private final Inboxes inboxes;
    private final Clock clock;
    private final int perSender;
    private final int perAddress;
    private final Duration window;

    FeedbackBox(MongoTemplate mongo, MongoIndexes indexes, AggregateStore store, RateLimits limits, Inboxes inboxes, Clock clock,
                @Value("${federation.notifications.feedback.per-sender:5}") int perSender,
                @Value("${federation.notifications.feedback.per-address:20}") int perAddress,
                @Value("${federation.notifications.feedback.window:PT1H}") Duration window) {
        this.mongo = mongo;
        this.feedback = store.repository(COLLECTION, NotificationTopics.NOTIFICATION_EVENTS, Feedback.class);
        this.limits = limits;
        this.inboxes = inboxes;
        this.clock = clock;
        this.perSender = perSender;
        this.perAddress = perAddress;
        this.window = window;
        // a department's feedback by state; the published answers
        indexes.ensure(COLLECTION, "department", "state");
        indexes.ensure(COLLECTION, "state", "published");
    }

    public Sent send(String kind, String department, String subject, String text, String sender, String address) {
        Instant now = clock.instant();
        if (sender != null && !limits.take("sender:" + sender, perSender, window, now)) {
            throw new TooManyRequestsException("at most " + perSender + " items of feedback per sender every " + window, window);
        }
        if (!limits.take("address:" + address, perAddress, window, now)) {
            throw new TooManyRequestsException("at most " + perAddress + " items of feedback per address every " + window, window);
        }
        String token = sender == null ? newToken() : null;
        String id = UUID.randomUUID().toString();
        // one write: the feedback and its feedback-received event; the department's notice follows from
        // that event (FeedbackNotices), so an instance dying right after this write loses nothing
        Feedback received = feedback.create(id, Feedback.receive(id, kind, department, subject, text, sender,
                token == null ? null : hash(token), now));
        return new Sent(received, token);
    }

    /**
     * Puts the feedback in its department's inbox, on behalf of {@code actor} (its sender); a repeat
     * posts nothing (the notice's id comes from the feedback). False if there is no such feedback.
     */
    boolean tellDepartment(String id, String actor) {
        return find(id).map(received -> {
            String inbox = Recipients.department(received.department());
            inboxes.post(new Notice(Notice.idFor("feedback:" + id, inbox), inbox, "feedback",
                    "New " + received.kind() + ": " + received.subject(), received.text(), "feedback:" + id,
                    clock.instant()), actor);
            return true;
        }).orElse(false);
    }

    /**
     * Tells a signed-in sender that their feedback was answered, on behalf of {@code actor} (who
     * answered); an anonymous sender follows it with their token instead. A repeat posts nothing.
     * False if there is no such feedback.
     */
    boolean tellSender(String id, String actor) {
        return find(id).map(answered -> {
            if (answered.sender() != null && answered.answer() != null) {
                String inbox = Recipients.person(answered.sender());
                inboxes.post(new Notice(Notice.idFor("feedback-answer:" + id, inbox), inbox, "feedback-answered",
                        "Your " + answered.kind() + " was answered: " + answered.subject(), answered.answer(),
                        "feedback:" + id, clock.instant()), actor);
            }
            return true;
        }).orElse(false);
    }

    Optional<Feedback> find(String id) {
        return feedback.find(id);
    }

    public Feedback get(String id) {
        return find(id).orElseThrow(() -> new ResourceNotFoundException("feedback", id));
    }

    public static boolean tokenMatches(Feedback feedback, String token) {
        return token != null && feedback.followUpTokenHash() != null
                && MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.UTF_8),
                feedback.followUpTokenHash().getBytes(StandardCharsets.UTF_8));
    }

    public Feedback answer(String id, String answer, boolean makePublic, String by) {
        Instant now = clock.instant();
        // the sender's notice follows from feedback-answered (FeedbackNotices), as the department's does
        return feedback.change(id, "feedback", f -> f.answer(answer, makePublic, by, now)).state();
    }

    public PageOf<Feedback> newestFirst(String department, String state, int page, int size) {
        Criteria filter = where("department").is(department);
        if (state != null) {
            filter = filter.and("state").is(state);
        }
        return NewestFirst.page(mongo, COLLECTION, Feedback.class, filter, "receivedAt", page, size);
    }

    public PageOf<Feedback> published(int page, int size) {
        return NewestFirst.page(mongo, COLLECTION, Feedback.class,
                where("state").is(Feedback.ANSWERED).and("published").is(true), "answeredAt", page, size);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
