package org.federation.notification.delivery;

import org.federation.notification.delivery.infrastructure.WebhookChannel;
import org.federation.notification.delivery.infrastructure.EmailChannel;
import org.federation.notification.delivery.domain.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.Smtp;
import org.federation.notification.delivery.application.Contacts;
import org.federation.notification.delivery.application.Deliveries;
import org.federation.notification.delivery.infrastructure.MongoDeliveries;
import org.federation.notification.delivery.domain.DeliveryRecords;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.notification.scheduling.application.Timers;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.TestClock;
import org.federation.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail deliveries when the SMTP server fails: retried with backoff on the injected clock while the
 * server is down (connection refused) or busy (421), delivered once when it is back, given up visibly after
 * the last attempt (state, reason, counter, log line), refused at once when the server refuses the address
 * (550), and never sent twice by two instances racing for the same deliveries.
 *
 * <p>The workers here are the service's own {@link Deliveries}, made with a {@link TestClock} ten years
 * ahead and an SMTP client the test points at a server that is down, busy or up. Their deliveries are due
 * only by that clock, so the application's own worker (real clock) never takes them, and time moves only
 * when the test says.
 */
@NotificationServiceTest
class EmailRetryTest extends EmbeddedBackboneProperties {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MongoIndexes indexes;
    @Autowired
    DeliveryRecords records;
    @Autowired
    Contacts contacts;
    @Autowired
    WebhookChannel webhook;
    @Autowired
    JsonMapper json;
    @Autowired
    Inboxes inboxes;
    @Autowired
    JavaMailSender configuredMail;
    @Autowired
    Deliveries appDeliveries;

    final TestClock clock = new TestClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final JavaMailSenderImpl smtp = new JavaMailSenderImpl();
    final List<Timers> timers = new ArrayList<>();
    final List<AutoCloseable> servers = new ArrayList<>();
    final List<String> planned = new ArrayList<>();

    @BeforeEach
    void aheadOfTheApplicationsOwnWorker() {
        clock.advance(Duration.ofDays(3650));
        smtp.setHost("127.0.0.1");
        smtp.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        smtp.getJavaMailProperties().put("mail.smtp.timeout", "5000");
    }

    @AfterEach
    void stop() throws Exception {
        timers.forEach(Timers::destroy);
        for (AutoCloseable server : servers) {
            server.close();
        }
        // due by every later test's clock: a delivery left pending by a failed test must not be attempted there
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("noticeId").in(planned)), MongoDeliveries.COLLECTION);
    }

    /** One instance's delivery worker: backoff 10 s doubling, lease 1 min, its own timer never started. */
    private Deliveries instance(int maxAttempts) {
        Timers own = new Timers();
        timers.add(own);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mail", smtp);
        EmailChannel email = new EmailChannel(beans.getBeanProvider(JavaMailSender.class), "notifications@federation.example.edu");
        return new Deliveries(records, inboxes, contacts, List.of(email, webhook), json, clock, own, meters,
                Duration.ofSeconds(10), Duration.ofHours(1), maxAttempts, Duration.ofMinutes(1), Duration.ofHours(1), 4);
    }

    /**
     * A notice in a new person's inbox, then its e-mail planned by {@code worker}. The address becomes known
     * only after the notice is posted, so the application's own worker plans no e-mail of it (it would be due
     * by the real clock, and a claim held by the real clock has lapsed long ago by the test's).
     */
    private Notice notice(Deliveries worker, String title) {
        String recipient = "person:68" + Math.floorMod(UUID.randomUUID().hashCode(), 100_000_000);
        Notice notice = new Notice(Notice.idFor("retry:" + UUID.randomUUID(), recipient), recipient, "direct", title,
                "The club exchange conference is on Friday at 19:00 in the student centre.", "direct-notice:test", Instant.now());
        assertThat(inboxes.post(notice, "system")).isTrue();
        contacts.change(recipient, address(notice), true, List.of(), "test");
        worker.beforePosting(notice);
        planned.add(notice.id());
        return notice;
    }

    private static String address(Notice notice) {
        return notice.recipient().substring("person:".length()) + "@stu.example.edu";
    }

    private Delivery delivery(Deliveries worker, Notice notice) {
        List<Delivery> all = worker.ofNotice(notice.id());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** Starts the attempts due now and waits until this notice's e-mail has been attempted {@code attempts} times. */
    private Delivery attempt(Deliveries worker, Notice notice, int attempts) {
        worker.attemptDue(clock.instant());
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> delivery(worker, notice),
                d -> d.attempts() == attempts && d.history().size() == attempts);
    }

    private static List<MimeMessage> mailsTitled(String title) {
        return Stream.of(Smtp.get().getReceivedMessages()).filter(m -> subject(m).equals("[Federation] " + title)).toList();
    }

    @Test
    void whileTheServerIsDownOrBusyTheEMailWaitsLongerEachTimeAndWhenItIsBackItArrivesOnce() throws Exception {
        Deliveries worker = instance(6);
        String title = "Conference " + UUID.randomUUID();
        Notice notice = notice(worker, title);
        Instant start = clock.instant();

        smtp.setPort(FailingSmtp.closedPort()); // down: connection refused
        Delivery first = attempt(worker, notice, 1);
        assertThat(first.status()).isEqualTo(Delivery.PENDING);
        assertThat(first.history().get(0).detail()).containsIgnoringCase("connect");
        assertThat(first.nextAttemptAt()).isEqualTo(start.plusSeconds(10).truncatedTo(ChronoUnit.MILLIS));

        clock.advance(Duration.ofSeconds(9));
        worker.attemptDue(clock.instant());
        assertThat(delivery(worker, notice).attempts()).as("not due before its backoff").isEqualTo(1);

        FailingSmtp busy = FailingSmtp.busy(); // up, but turning sessions away with 421
        servers.add(busy);
        smtp.setPort(busy.port());
        clock.advance(Duration.ofSeconds(1));
        Delivery second = attempt(worker, notice, 2);
        assertThat(busy.sessions.get()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(Delivery.PENDING);
        assertThat(second.history().get(1).detail()).contains("421");
        assertThat(second.nextAttemptAt()).as("the wait doubles").isEqualTo(start.plusSeconds(10 + 20).truncatedTo(ChronoUnit.MILLIS));

        smtp.setPort(Smtp.get().getSmtp().getPort()); // back
        clock.advance(Duration.ofSeconds(20));
        Delivery third = attempt(worker, notice, 3);
        assertThat(third.status()).isEqualTo(Delivery.DELIVERED);
        assertThat(third.history().stream().map(Delivery.Attempt::outcome)).containsExactly("error", "error", "delivered");
        assertThat(third.failure()).isNull();

        clock.advance(Duration.ofDays(1));
        worker.attemptDue(clock.instant());
        List<MimeMessage> mails = mailsTitled(title);
        assertThat(mails).as("delivered once").hasSize(1);
        assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo(address(notice));
        assertThat(mails.get(0).getContent().toString()).contains("club exchange conference");
        assertThat(delivery(worker, notice).attempts()).isEqualTo(3);
        assertThat(meters.counter("notification.deliveries.attempts", "channel", "email", "outcome", "error").count()).isEqualTo(2);
        assertThat(meters.counter("notification.deliveries.attempts", "channel", "email", "outcome", "delivered").count()).isEqualTo(1);
        assertThat(meters.find("notification.deliveries.failed").counters()).allMatch(c -> c.count() == 0);
    }

    @Test
    void aServerDownForGoodIsGivenUpAfterTheLastAttemptAndThePersonTheCounterAndTheLogSayWhy() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(Deliveries.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            Deliveries worker = instance(3);
            String title = "Never arrives " + UUID.randomUUID();
            Notice notice = notice(worker, title);
            smtp.setPort(FailingSmtp.closedPort());

            attempt(worker, notice, 1);
            clock.advance(Duration.ofSeconds(10));
            attempt(worker, notice, 2);
            clock.advance(Duration.ofSeconds(20));
            Delivery given = attempt(worker, notice, 3);

            assertThat(given.status()).isEqualTo(Delivery.FAILED);
            assertThat(given.nextAttemptAt()).isNull();
            assertThat(given.failure()).startsWith("gave up after 3 attempts: ").containsIgnoringCase("connect");
            clock.advance(Duration.ofDays(1));
            worker.attemptDue(clock.instant());
            assertThat(delivery(worker, notice).attempts()).as("not attempted again").isEqualTo(3);
            assertThat(mailsTitled(title)).isEmpty();

            HttpProbe self = TestTokens.as(app(), notice.recipient().substring("person:".length()), List.of("STUDENT"));
            JsonNode seen = self.get("/api/inbox/" + notice.id() + "/deliveries").json().get(0);
            assertThat(seen.get("channel").asString()).isEqualTo("email");
            assertThat(seen.get("status").asString()).isEqualTo("failed");
            assertThat(seen.get("failure").asString()).isEqualTo(given.failure());
            assertThat(seen.get("history").size()).isEqualTo(3);

            assertThat(meters.counter("notification.deliveries.failed", "channel", "email", "cause", "exhausted").count())
                    .isEqualTo(1);
            assertThat(lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(l -> l.startsWith("Gave up")))
                    .singleElement().asString()
                    .contains(notice.id(), address(notice), "gave up after 3 attempts", "spring.mail.host");
        } finally {
            log.detachAppender(lines);
        }
    }

    @Test
    void anAddressTheServerRefusesIsGivenUpAtOnceWithoutRetries() throws Exception {
        Deliveries worker = instance(6);
        FailingSmtp refusing = FailingSmtp.refusingRecipients();
        servers.add(refusing);
        smtp.setPort(refusing.port());
        Notice notice = notice(worker, "No such mailbox " + UUID.randomUUID());

        Delivery refused = attempt(worker, notice, 1);
        assertThat(refused.status()).isEqualTo(Delivery.FAILED);
        assertThat(refused.failure()).startsWith("refused, not retried: refused by the SMTP server: 550")
                .contains(address(notice));
        assertThat(meters.counter("notification.deliveries.failed", "channel", "email", "cause", "refused").count())
                .isEqualTo(1);
    }

    @Test
    void twoInstancesRacingForTheSameDueEMailsSendEachOnce() throws Exception {
        Deliveries one = instance(6);
        Deliveries other = instance(6);
        smtp.setPort(Smtp.get().getSmtp().getPort());
        List<Notice> notices = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            notices.add(notice(i % 2 == 0 ? one : other, "Race " + i + " " + UUID.randomUUID()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> await(go, () -> one.attemptDue(clock.instant())));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> await(go, () -> other.attemptDue(clock.instant())));
            go.countDown();
            a.join();
            b.join();
            return notices.stream().allMatch(n -> Delivery.DELIVERED.equals(delivery(one, n).status()));
        });
        for (Notice notice : notices) {
            assertThat(mailsTitled(notice.title())).as(notice.title()).hasSize(1);
            assertThat(delivery(one, notice).attempts()).isEqualTo(1);
        }
        assertThat(meters.counter("notification.deliveries.attempts", "channel", "email", "outcome", "delivered").count())
                .isEqualTo(12);
    }

    @Test
    void theServiceGivesUpOnAHangingSmtpServerLongBeforeItsClaimLapses() {
        JavaMailSenderImpl configured = (JavaMailSenderImpl) configuredMail;
        long worstMillis = 0;
        for (String timeout : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
            String value = configured.getJavaMailProperties().getProperty(timeout);
            assertThat(value).as(timeout + " (Jakarta Mail waits forever without it)").isNotNull();
            worstMillis += Long.parseLong(value);
        }
        assertThat(Duration.ofMillis(worstMillis)).as("an attempt ends before another instance may take it over")
                .isLessThan(Duration.ofMinutes(1));
        assertThat(appDeliveries).isNotNull();
    }

    private static int await(CountDownLatch go, java.util.function.IntSupplier work) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return work.getAsInt();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
