package org.federation.notification.feedback.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.federation.notification.directory.application.Recipients;
import org.federation.notification.feedback.domain.Feedback;
import org.federation.notification.feedback.domain.FeedbackRecords;
import org.federation.notification.feedback.domain.FollowUpToken;
import org.federation.notification.feedback.domain.RateLimits;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.TooManyRequestsException;
import org.federation.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The public feedback channel: anyone sends a suggestion or complaint (rate-limited per sender and
 * per address), it lands in the chosen department's inbox, the department answers, the sender
 * follows its status (with a follow-up token if anonymous), and answered items the department
 * makes public are listed for everyone. The inbox notices are consequences of the stored feedback's
 * events ({@link #tellDepartment}, {@link #tellSender}, called by the feedback events' consumer),
 * never a second write of the request.
 */
@Service
public class FeedbackBox {

    /** The header an anonymous sender follows their feedback with. */
    public static final String FOLLOW_UP_TOKEN = "Follow-Up-Token";

    /** What the sender gets back: the feedback and, for an anonymous sender, the token to follow it with. */
    public record Sent(Feedback feedback, String followUpToken) {
    }

    private final FeedbackRecords feedback;
    private final RateLimits limits;
    private final Inboxes inboxes;
    /** Real time: the rate limits' windows (abuse is counted in real hours). */
    private final Clock clock;
    /** Business time: when feedback was received and answered, as every other recorded moment. */
    private final org.federation.platform.domain.BusinessClock businessClock;
    private final int perSender;
    private final int perAddress;
    private final Duration window;

    FeedbackBox(FeedbackRecords feedback, RateLimits limits, Inboxes inboxes, Clock clock,
                org.federation.platform.domain.BusinessClock businessClock,
                @Value("${federation.notifications.feedback.per-sender:5}") int perSender,
                @Value("${federation.notifications.feedback.per-address:20}") int perAddress,
                @Value("${federation.notifications.feedback.window:PT1H}") Duration window) {
        this.feedback = feedback;
        this.limits = limits;
        this.inboxes = inboxes;
        this.clock = clock;
        this.businessClock = businessClock;
        this.perSender = perSender;
        this.perAddress = perAddress;
        this.window = window;
    }

    /**
     * Receives feedback from {@code sender} (null if anonymous) at {@code address}: at most
     * {@code per-sender} per signed-in sender and {@code per-address} per address every {@code window}
     * (429 beyond); without a department it goes to the office, which passes it on.
     */
    public Sent send(String kind, String department, String subject, String text, String sender, String address) {
        Instant real = clock.instant();
        if (sender != null && !limits.take("sender:" + sender, perSender, window, real)) {
            throw new TooManyRequestsException("at most " + perSender + " items of feedback per sender every " + window, window);
        }
        if (!limits.take("address:" + address, perAddress, window, real)) {
            throw new TooManyRequestsException("at most " + perAddress + " items of feedback per address every " + window, window);
        }
        String token = sender == null ? FollowUpToken.newToken() : null;
        String id = UUID.randomUUID().toString();
        // one write: the feedback and its feedback-received event; the department's notice follows from
        // that event (tellDepartment), so an instance dying right after this write loses nothing
        Feedback received = feedback.create(id, Feedback.receive(id, kind, department == null ? "office" : department,
                subject, text, sender, token == null ? null : FollowUpToken.hash(token), businessClock.instant()));
        return new Sent(received, token);
    }

    /**
     * Puts the feedback in its department's inbox, on behalf of {@code actor} (its sender); a repeat
     * posts nothing (the notice's id comes from the feedback). False if there is no such feedback.
     */
    public boolean tellDepartment(String id, String actor) {
        return find(id).map(received -> {
            String inbox = Recipients.department(received.department());
            inboxes.post(new Notice(Notice.idFor("feedback:" + id, inbox), inbox, "feedback",
                    "New " + received.kind() + ": " + received.subject(), received.text(), "feedback:" + id,
                    businessClock.instant()), actor);
            return true;
        }).orElse(false);
    }

    /**
     * Tells a signed-in sender that their feedback was answered, on behalf of {@code actor} (who
     * answered); an anonymous sender follows it with their token instead. A repeat posts nothing.
     * False if there is no such feedback.
     */
    public boolean tellSender(String id, String actor) {
        return find(id).map(answered -> {
            if (answered.sender() != null && answered.answer() != null) {
                String inbox = Recipients.person(answered.sender());
                inboxes.post(new Notice(Notice.idFor("feedback-answer:" + id, inbox), inbox, "feedback-answered",
                        "Your " + answered.kind() + " was answered: " + answered.subject(), answered.answer(),
                        "feedback:" + id, businessClock.instant()), actor);
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

    /** The feedback for its sender (signed in, or with the follow-up token), the department's staff and the presidium. */
    public Feedback status(String id, String token, Caller caller) {
        Feedback found = get(id);
        boolean allowed = caller.actsFor(found.department())
                || (found.sender() != null && caller.is(found.sender()))
                || FollowUpToken.matches(found, token);
        if (!allowed) {
            throw new ForbiddenException("feedback " + id + " is followed by its sender (signed in, or with the "
                    + FOLLOW_UP_TOKEN + " header given when it was sent) and by the " + found.department() + " department");
        }
        return found;
    }

    /** Answers it, for the department's members and head and the presidium. */
    public Feedback answer(String id, String answer, boolean makePublic, Caller caller) {
        Feedback found = get(id);
        if (!caller.actsFor(found.department())) {
            throw new ForbiddenException("feedback routed to the " + found.department()
                    + " department is answered by its members and head and the presidium");
        }
        return answer(id, answer, makePublic, caller.subject());
    }

    public Feedback answer(String id, String answer, boolean makePublic, String by) {
        Instant now = businessClock.instant();
        // the sender's notice follows from feedback-answered (tellSender), as the department's does
        return feedback.change(id, f -> f.answer(answer, makePublic, by, now));
    }

    /** A department's feedback, for its members and head and the presidium. */
    public PageOf<Feedback> newestFirst(String department, String state, int page, int size, Caller caller) {
        if (!caller.actsFor(department)) {
            throw new ForbiddenException("the feedback routed to the " + department
                    + " department is listed for its members and head and the presidium");
        }
        return newestFirst(department, state, page, size);
    }

    public PageOf<Feedback> newestFirst(String department, String state, int page, int size) {
        return feedback.newestFirst(department, state, page, size);
    }

    public PageOf<Feedback> published(int page, int size) {
        return feedback.published(page, size);
    }
}
