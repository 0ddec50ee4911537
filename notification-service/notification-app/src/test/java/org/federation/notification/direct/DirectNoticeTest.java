package org.federation.notification.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.Fixtures;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.direct.application.DirectNotices;
import org.federation.notification.directory.infrastructure.ClubDirectory;
import org.federation.notification.escalation.application.EscalationSweep;
import org.federation.notification.escalation.infrastructure.Escalations;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.MongoReads;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/**
 * A department's notice to clubs: fan-out to leaders or members, acknowledgement, the sender's
 * per-club view, and escalation (liaison officer, then the department's head) driven by the test's
 * own clock through the sweep: nothing sent twice, nothing forgotten, several sweeps at once.
 */
@NotificationServiceTest
class DirectNoticeTest extends EmbeddedBackboneProperties {

    @Autowired
    ClubDirectory clubs;
    @Autowired
    EscalationSweep sweep;
    @Autowired
    Inboxes inboxes;
    @Autowired
    DirectNotices directNotices;
    @Autowired
    Escalations escalations;
    @Autowired
    org.federation.notification.InjectedCrash crash;

    String a;
    String b;
    String c;
    String run;
    int people;
    private static final java.util.concurrent.atomic.AtomicInteger RUNS =
            new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(1000));

    @BeforeEach
    void threeClubs() {
        run = UUID.randomUUID().toString().substring(0, 6);
        // each test's people are its own: a hash of the run collided now and then (two tests' liaison officer
        // 91 the same person, one test's escalation in the other's inbox)
        people = Math.floorMod(RUNS.getAndIncrement(), 1000);
        a = "club-a-" + run;
        b = "club-b-" + run;
        c = "club-c-" + run;
        ClubFacts.publish(
                Fixtures.club(a, "sports", List.of(number(1)), List.of(number(2), number(3)), number(90)),
                Fixtures.club(b, "sports", List.of(number(4)), List.of(number(5)), null),
                Fixtures.club(c, "arts-culture", List.of(number(6)), List.of(number(3)), number(91)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                clubs.find(a).isPresent() && clubs.find(b).isPresent() && clubs.find(c).isPresent());
        Fixtures.signInEveryone(app());
    }

    // an escalation names the club by its name (issue 25): the fixtures' clubs are called "Club <id>"

    /** A student number unique to this test run. */
    String number(int n) {
        return "77" + people + "0" + n;
    }

    private String noticeOf(String directId, String number) {
        return Notice.idFor("direct:" + directId, "person:" + number);
    }

    @Test
    void unacknowledgedClubsEscalateToTheirLiaisonOfficerThenToTheHeadAndTheSenderSeesExactlyWhoIsMissing() {
        Instant deadline = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode sent = Fixtures.sendAndAwait(Persona.ORGANIZATION_MEMBER.on(app()), """
                {"department":"organization","title":"Club exchange conference %s","body":"Friday 19:00, room 101; send one leader.",
                 "audience":"clubs","clubIds":["%s","%s","%s"],"acknowledgeBy":"%s"}""".formatted(run, a, b, c, deadline));
        String id = sent.get("id").asString();
        assertThat(sent.get("recipients").asInt()).as("the three leaders").isEqualTo(3);
        HttpProbe leaderA = Fixtures.student(app(), number(1));
        JsonNode inbox = leaderA.get("/api/inbox?recipient=person:" + number(1)).json();
        assertThat(inbox.at("/items/0/title").asString()).isEqualTo("Club exchange conference " + run);
        assertThat(inbox.at("/items/0/acknowledgeBy").asString()).isEqualTo(deadline.toString());
        assertThat(leaderA.postJson("/api/inbox/" + noticeOf(id, number(1)) + "/acknowledgement", "").status()).isEqualTo(200);

        assertThat(sweep.sweep(deadline.minusSeconds(1))).as("nothing is due before the deadline").isZero();
        assertThat(sweepConcurrently(deadline.plusSeconds(1), 3)).as("b to the head, c to its liaison officer, once")
                .isEqualTo(2);
        assertThat(sweep.sweep(deadline.plusSeconds(2))).as("nothing twice").isZero();
        assertThat(titles("person:" + number(91))).containsExactly("Unacknowledged: Club exchange conference " + run + " (Club " + c + ")");
        assertThat(titles("person:" + number(90))).as("a acknowledged: its liaison officer hears nothing").isEmpty();
        assertThat(titles("person:" + Persona.ORGANIZATION_HEAD.subject()))
                .contains("Unacknowledged: Club exchange conference " + run + " (Club " + b + ")")
                .doesNotContain("Unacknowledged: Club exchange conference " + run + " (Club " + c + ")");

        Fixtures.student(app(), number(6)).postJson("/api/inbox/" + noticeOf(id, number(6)) + "/read", "");
        assertThat(sweep.sweep(deadline.plus(Duration.ofDays(1)).plusSeconds(1))).as("c, still silent, to the head").isEqualTo(1);
        assertThat(titles("person:" + Persona.ORGANIZATION_HEAD.subject()))
                .contains("Unacknowledged: Club exchange conference " + run + " (Club " + c + ")");
        assertThat(sweep.sweep(deadline.plus(Duration.ofDays(30)))).as("the head is the last step").isZero();

        JsonNode view = Persona.ORGANIZATION_HEAD.on(app()).get("/api/direct-notices/" + id + "/acknowledgements").json();
        assertThat(view.get("groups").asInt()).isEqualTo(3);
        assertThat(view.get("acknowledgedGroups").asInt()).isEqualTo(1);
        assertThat(view.get("missing").valueStream().map(JsonNode::asString)).containsExactly("club:" + b, "club:" + c);
        JsonNode clubA = view.get("items").get(0);
        assertThat(clubA.get("clubId").asString()).isEqualTo(a);
        assertThat(clubA.get("acknowledgedBy").valueStream().map(JsonNode::asString)).containsExactly("person:" + number(1));
        assertThat(view.at("/items/1/escalation").asString()).isEqualTo("escalated-to-head");
        assertThat(view.at("/items/2/notAcknowledged/0").asString()).isEqualTo("person:" + number(6));
        assertThat(view.at("/items/2/recipients/0/readAt").isMissingNode()).as("read, but not acknowledged").isFalse();
        assertThat(view.at("/items/2/escalationSteps").valueStream().map(s -> s.get("step").asString()))
                .containsExactly("liaison-officer", "department-head");
        JsonNode secondPage = Persona.ORGANIZATION_HEAD.on(app()).get("/api/direct-notices/" + id
                + "/acknowledgements?page=1&size=2").json();
        assertThat(secondPage.get("items").size()).as("groups are paged; missing and counts cover all").isEqualTo(1);
        assertThat(secondPage.at("/items/0/clubId").asString()).isEqualTo(c);
        assertThat(secondPage.get("missing").size()).isEqualTo(2);

        try (TopicProbe events = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "notification.events")) {
            List<TopicProbe.Seen> escalated = events.awaitAtLeast(s -> "org.federation.notification.notice-escalated.v1"
                    .equals(s.type()) && s.key().startsWith(id), 3, Duration.ofSeconds(20));
            assertThat(escalated).extracting(TopicProbe.Seen::key)
                    .containsExactlyInAnyOrder(id + ":club:" + b, id + ":club:" + c, id + ":club:" + c);
            assertThat(escalated).as("the sweep escalates, nobody in person")
                    .allSatisfy(s -> assertThat(s.headers()).containsEntry("ce_actor", "system"));
            TopicProbe.Seen directNoticeSent = events.await(s -> s.key().equals(id), Duration.ofSeconds(10)).get(0);
            assertThat(directNoticeSent.type()).isEqualTo("org.federation.notification.direct-notice-sent.v1");
            assertThat(directNoticeSent.headers()).as("the department member who sent it")
                    .containsEntry("ce_actor", Persona.ORGANIZATION_MEMBER.subject());
            assertThat(events.await(s -> s.key().equals(noticeOf(id, number(4)))
                    && "org.federation.notification.notice-posted.v1".equals(s.type()), Duration.ofSeconds(10)).get(0).headers())
                    .as("each inbox's notice is posted on behalf of the sender").containsEntry("ce_actor",
                            Persona.ORGANIZATION_MEMBER.subject());
            List<TopicProbe.Seen> acknowledged = events.await(s -> s.key().equals(noticeOf(id, number(1)))
                    && "org.federation.notification.notice-acknowledged.v1".equals(s.type()), Duration.ofSeconds(10));
            assertThat(acknowledged).hasSize(1);
            assertThat(acknowledged.get(0).headers()).as("the leader who acknowledged it").containsEntry("ce_actor", number(1));
        }
    }

    @Test
    void aSenderChoosesWhenItsNoticeEscalatesAndTheSweepKeepsToItAcrossInstances() {
        Instant deadline = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode sent = Fixtures.sendAndAwait(Persona.ORGANIZATION_MEMBER.on(app()), """
                {"department":"organization","title":"Poster deadline %s","body":"Posters to the Publicity Department.",
                 "audience":"clubs","clubIds":["%s","%s"],"acknowledgeBy":"%s","escalateToLiaisonAfter":"PT6H",
                 "escalateToHeadAfter":"PT30H"}""".formatted(run, b, c, deadline));
        String id = sent.get("id").asString();
        assertThat(sent.get("escalateToLiaisonAfter").asString()).isEqualTo("PT6H");
        assertThat(sent.get("escalateToHeadAfter").asString()).isEqualTo("PT30H");
        String toC = "Unacknowledged: Poster deadline " + run + " (Club " + c + ")";
        String toB = "Unacknowledged: Poster deadline " + run + " (Club " + b + ")";

        // other tests' notices may fall due in the same sweeps: this test looks at its own escalations only
        sweep.sweep(deadline.plusSeconds(1));
        assertThat(statusOf(id, b)).as("the default would escalate at the deadline; this one waits").isEqualTo("waiting");
        assertThat(statusOf(id, c)).isEqualTo("waiting");
        sweepConcurrently(deadline.plus(Duration.ofHours(6)), 3);
        assertThat(statusOf(id, c)).isEqualTo("escalated-to-liaison");
        assertThat(statusOf(id, b)).as("no liaison officer: to the head at once").isEqualTo("escalated-to-head");
        assertThat(titles("person:" + number(91))).as("once, whichever instance took it").containsExactly(toC);
        assertThat(titles("person:" + Persona.ORGANIZATION_HEAD.subject())).containsOnlyOnce(toB).doesNotContain(toC);
        sweep.sweep(deadline.plus(Duration.ofHours(29)));
        assertThat(statusOf(id, c)).as("not the default day, and not yet its own 30 hours").isEqualTo("escalated-to-liaison");
        sweepConcurrently(deadline.plus(Duration.ofHours(30)), 2);
        assertThat(statusOf(id, c)).isEqualTo("escalated-to-head");
        assertThat(titles("person:" + Persona.ORGANIZATION_HEAD.subject())).containsOnlyOnce(toC);
        assertThat(Persona.ORGANIZATION_HEAD.on(app()).get("/api/direct-notices/" + id + "/acknowledgements").json()
                .at("/items/1/escalationSteps/1/at").asString()).isEqualTo(deadline.plus(Duration.ofHours(30)).toString());
    }

    @Test
    void withoutChoicesTheConfiguredTimingIsRecordedOnTheNotice() {
        JsonNode sent = Fixtures.sendAndAwait(Persona.ORGANIZATION_MEMBER.on(app()), """
                {"department":"organization","title":"Defaults %s","body":"b","audience":"clubs","clubIds":["%s"],
                 "acknowledgeBy":"%s","escalateToLiaisonAfter":"PT2H"}""".formatted(run, a, Fixtures.inAnHour()));
        assertThat(sent.get("escalateToLiaisonAfter").asString()).isEqualTo("PT2H");
        assertThat(sent.get("escalateToHeadAfter").asString()).as("federation.notifications.escalation.head-delay (P1D here)")
                .isEqualTo("PT24H");
        HttpProbe.Response headBeforeLiaison = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/direct-notices", """
                {"department":"organization","title":"t","body":"b","audience":"clubs","clubIds":["%s"],"acknowledgeBy":"%s",
                 "escalateToLiaisonAfter":"P2D"}""".formatted(a, Fixtures.inAnHour()));
        assertThat(headBeforeLiaison.status()).isEqualTo(422);
        assertThat(headBeforeLiaison.body()).contains("escalateToHeadAfter").contains("after the liaison officer");
        JsonNode plain = Fixtures.sendAndAwait(Persona.ORGANIZATION_MEMBER.on(app()), """
                {"department":"organization","title":"No deadline %s","body":"b","audience":"clubs","clubIds":["%s"]}"""
                .formatted(run, a));
        assertThat(plain.has("escalateToHeadAfter") && !plain.get("escalateToHeadAfter").isNull()).isFalse();
    }

    @Test
    void anEscalationClaimedByAnInstanceThatDiedIsTakenOverWhenItsLeaseLapses() {
        Instant deadline = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String id = Fixtures.sendAndAwait(Persona.ORGANIZATION_HEAD.on(app()), """
                {"department":"organization","title":"Registration reminder %s","body":"Register before the deadline.",
                 "audience":"clubs","clubIds":["%s"],"acknowledgeBy":"%s"}""".formatted(run, b, deadline)).get("id").asString();
        // the lease is real time (two minutes from now), whatever business time the sweep is given
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id + ":club:" + b)), new Update()
                .set("claimedUntil", Instant.now().plus(Duration.ofMinutes(2))).set("claimedBy", "an-instance-that-died"),
                Escalations.COLLECTION);
        assertThat(sweep.sweep(deadline.plusSeconds(1))).as("held by the dead instance's lease").isZero();
        assertThat(sweep.sweep(deadline.plus(Duration.ofDays(90)))).as("business time moving on frees no lease").isZero();
        // two real minutes later: the lease has lapsed
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id + ":club:" + b)), new Update()
                .set("claimedUntil", Instant.now().minusSeconds(1)), Escalations.COLLECTION);
        assertThat(sweep.sweep(deadline.plus(Duration.ofMinutes(3)))).as("taken over, not forgotten").isEqualTo(1);
        assertThat(titles("person:" + Persona.ORGANIZATION_HEAD.subject()))
                .containsOnlyOnce("Unacknowledged: Registration reminder " + run + " (Club " + b + ")");
    }

    @Test
    void toAClubsMembersEachPersonOnceWithEveryClubTheyAreReachedThrough() {
        JsonNode sent = Fixtures.sendAndAwait(Persona.PRESIDIUM.on(app()), """
                {"department":"publicity","title":"Showcase festival %s","body":"Opening gala on Saturday.",
                 "audience":"clubs","clubIds":["%s","%s"],"reach":"members"}""".formatted(run, a, c));
        assertThat(sent.get("recipients").asInt()).as("a: 1, 2, 3; c: 6, 3").isEqualTo(4);
        Notice shared = inboxes.get(noticeOf(sent.get("id").asString(), number(3)));
        assertThat(shared.clubIds()).containsExactlyInAnyOrder(a, c);
        assertThat(shared.requiresAcknowledgement()).isFalse();
        assertThat(Fixtures.student(app(), number(3)).postJson("/api/inbox/" + shared.id() + "/acknowledgement", "").status())
                .as("nothing to acknowledge").isEqualTo(409);
    }

    @Test
    void toACategoryAndToTheLiaisonOfficers() {
        JsonNode arts = Fixtures.sendAndAwait(Persona.ORGANIZATION_MEMBER.on(app()), """
                {"department":"organization","title":"Arts clubs %s","body":"Rehearsal rooms.","audience":"category",
                 "category":"arts-culture"}""".formatted(run));
        assertThat(arts.get("clubIds").valueStream().map(JsonNode::asString)).contains(c).doesNotContain(a, b);
        JsonNode liaisons = Fixtures.sendAndAwait(Persona.ORGANIZATION_MEMBER.on(app()), """
                {"department":"organization","title":"Liaison meeting %s","body":"Monday.","audience":"liaison-officers"}"""
                .formatted(run));
        String liaisonsId = liaisons.get("id").asString();
        assertThat(inboxes.find(noticeOf(liaisonsId, number(90)))).as("named by club a's snapshot").isPresent();
        assertThat(inboxes.find(noticeOf(liaisonsId, Persona.LIAISON.subject()))).as("signed in as a liaison officer").isPresent();
    }

    @Test
    void aFanOutInterruptedByACrashIsResumedAndRepeatsPostNothingTwice() {
        String id = "interrupted-" + run;
        storeSending(id, "Resumed " + run);
        inboxes.post(new Notice(noticeOf(id, number(1)), "person:" + number(1), "direct", "Resumed " + run, "b",
                "direct-notice:" + id, Instant.now(), null, "organization", id, List.of(a), null, null), "2099000003");
        assertThat(directNotices.fanOut(id, Instant.now())).isEqualTo(2);
        assertThat(directNotices.fanOut(id, Instant.now())).as("already sent").isEqualTo(-1);
        assertThat(inboxes.countOfDirectNotice(id)).isEqualTo(2);
        assertThat(inboxes.newestFirst("person:" + number(4), "direct", true, 0, 10).items()).as("b's leader, posted by the "
                + "resumed batch, unread").extracting(Notice::title).containsExactly("Resumed " + run);
        assertThat(inboxes.newestFirst("person:" + number(1), "direct", true, 0, 10).items()).as("a's leader, posted before "
                + "the crash, not again").extracting(Notice::title).containsExactly("Resumed " + run);
        try (TopicProbe events = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "notification.events")) {
            java.util.function.Predicate<TopicProbe.Seen> ours = s -> "org.federation.notification.notice-posted.v1".equals(s.type())
                    && (s.key().equals(noticeOf(id, number(1))) || s.key().equals(noticeOf(id, number(4))));
            events.awaitAtLeast(ours, 2, Duration.ofSeconds(20));
            assertThat(events.drain(Duration.ofMillis(500)).stream().filter(ours).toList()).as("one notice-posted per notice, for the live streams").extracting(TopicProbe.Seen::key)
                    .containsExactlyInAnyOrder(noticeOf(id, number(1)), noticeOf(id, number(4)));
        }
    }

    @Test
    void aFanOutThatFailsGivesItsLeaseBackSoTheNextSweepResumesItNotTheLeasesEnd() {
        String id = "failed-" + run;
        storeSending(id, "Failed once " + run);
        crash.onceBefore(notice -> id.equals(notice.directNoticeId()));
        Instant now = Instant.now();

        assertThatThrownBy(() -> directNotices.fanOut(id, now)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(id);
        assertThat(crash.fired()).isEqualTo(1);
        assertThat(mongo.findById(id, org.bson.Document.class, "direct-notices")).as("lease given back")
                .doesNotContainKey("fanOutUntil");

        // the next sweep, within the (5-minute) lease it took
        assertThat(directNotices.fanOut(id, now.plusSeconds(30))).isEqualTo(2);
        assertThat(directNotices.find(id).orElseThrow().state()).isEqualTo("sent");
        assertThat(inboxes.countOfDirectNotice(id)).isEqualTo(2);
    }

    /** A notice to the leaders of clubs a and b, stored a minute ago and still {@code sending}: its fan-out not done. */
    private void storeSending(String id, String title) {
        mongo.insert(new org.bson.Document("_id", id).append("department", "organization").append("sentBy", "2099000003")
                .append("title", title).append("body", "b").append("audience", "clubs")
                .append("clubIds", List.of(a, b)).append("reach", "leaders").append("state", "sending")
                .append("recipients", 0).append("createdAt", java.util.Date.from(Instant.now().minusSeconds(60)))
                .append("version", 1L).append("lastSequence", 0L).append("pendingEvents", List.of()), "direct-notices");
    }

    @Test
    void refusedNotices() {
        HttpProbe organization = Persona.ORGANIZATION_MEMBER.on(app());
        assertThat(organization.postJson("/api/direct-notices", """
                {"department":"organization","title":"t","body":"b","audience":"clubs","clubIds":["no-such-club"]}""")
                .json().get("detail").asString()).contains("no-such-club");
        assertThat(organization.postJson("/api/direct-notices", """
                {"department":"organization","title":"t","body":"b","audience":"all-clubs","acknowledgeBy":"2020-01-01T00:00:00Z"}""")
                .status()).isEqualTo(422);
        for (String notATime : new String[] {"2026-13-45T10:00:00Z", "2026-02-30T10:00:00Z", "2026-12-01T25:00:00Z",
                "2026-12-01T10:00:00+25:00", "2026-12-01 10:00:00Z", "tomorrow"}) {
            HttpProbe.Response refused = organization.postJson("/api/direct-notices", """
                    {"department":"organization","title":"t","body":"b","audience":"all-clubs","acknowledgeBy":"%s"}"""
                    .formatted(notATime));
            // before: the shaped ones (the first four) passed the pattern and were refused later as a broken rule, 422
            assertThat(refused.status()).as(notATime + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("acknowledgeBy");
        }
        assertThat(organization.postJson("/api/direct-notices", """
                {"department":"finance","title":"t","body":"b","audience":"all-clubs"}""").status())
                .as("another department's name").isEqualTo(403);
    }

    /**
     * The acknowledgement report is one query of the store with paging: the counts and the missing
     * groups cover every group, the page holds only its groups, and the notices' copies never come
     * back to the service (before, it read every copy, up to 30,000, and paged in memory: six here).
     */
    @Test
    void theAcknowledgementReportPagesInTheStoreAndCountsEveryGroup() {
        JsonNode sent = Fixtures.sendAndAwait(Persona.ORGANIZATION_MEMBER.on(app()), """
                {"department":"organization","title":"Headcount %s","body":"Who comes?","audience":"clubs",
                 "clubIds":["%s","%s","%s"],"reach":"members","acknowledgeBy":"%s"}""".formatted(run, a, b, c,
                Fixtures.inAnHour()));
        String id = sent.get("id").asString();
        assertThat(sent.get("recipients").asInt()).as("1-6, member 3 through two clubs").isEqualTo(6);
        assertThat(Fixtures.student(app(), number(4)).postJson("/api/inbox/" + noticeOf(id, number(4))
                + "/acknowledgement", "").status()).isEqualTo(200);

        MongoReads.INSTANCE.watch(id);
        JsonNode first = Persona.ORGANIZATION_HEAD.on(app()).get("/api/direct-notices/" + id
                + "/acknowledgements?page=0&size=1").json();
        assertThat(MongoReads.INSTANCE.documentsReturned(id, "notices"))
                .as("one result of the query, not the six copies").isEqualTo(1);
        assertThat(first.get("groups").asInt()).isEqualTo(3);
        assertThat(first.get("acknowledgedGroups").asInt()).isEqualTo(1);
        assertThat(first.get("missing").valueStream().map(JsonNode::asString)).containsExactly("club:" + a, "club:" + c);
        assertThat(first.get("items").size()).isEqualTo(1);
        assertThat(first.at("/items/0/group").asString()).isEqualTo("club:" + a);
        assertThat(first.at("/items/0/acknowledged").asBoolean()).isFalse();
        assertThat(first.at("/items/0/notAcknowledged").valueStream().map(JsonNode::asString))
                .containsExactly("person:" + number(1), "person:" + number(2), "person:" + number(3));

        JsonNode second = Persona.ORGANIZATION_HEAD.on(app()).get("/api/direct-notices/" + id
                + "/acknowledgements?page=1&size=1").json();
        assertThat(second.at("/items/0/group").asString()).isEqualTo("club:" + b);
        assertThat(second.at("/items/0/acknowledged").asBoolean()).as("any one recipient acknowledges for the club")
                .isTrue();
        assertThat(second.at("/items/0/acknowledgedBy").valueStream().map(JsonNode::asString))
                .containsExactly("person:" + number(4));
        assertThat(second.at("/items/0/notAcknowledged").valueStream().map(JsonNode::asString))
                .containsExactly("person:" + number(5));

        JsonNode last = Persona.ORGANIZATION_HEAD.on(app()).get("/api/direct-notices/" + id
                + "/acknowledgements?page=1&size=2").json();
        assertThat(last.get("items").valueStream().map(g -> g.get("group").asString())).containsExactly("club:" + c);
        assertThat(last.at("/items/0/recipients").valueStream().map(r -> r.get("recipient").asString()))
                .as("member 3 counts in both its clubs").containsExactly("person:" + number(3), "person:" + number(6));
        JsonNode beyond = Persona.ORGANIZATION_HEAD.on(app()).get("/api/direct-notices/" + id
                + "/acknowledgements?page=5&size=2").json();
        assertThat(beyond.get("items").size()).isZero();
        assertThat(beyond.get("groups").asInt()).isEqualTo(3);
        assertThat(beyond.get("missing").size()).isEqualTo(2);
    }

    private String statusOf(String directNoticeId, String club) {
        return escalations.find(directNoticeId + ":club:" + club).orElseThrow().status();
    }

    private int sweepConcurrently(Instant at, int instances) {
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Callable<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                sweeps.add(() -> sweep.sweep(at));
            }
            int taken = 0;
            for (Future<Integer> result : pool.invokeAll(sweeps)) {
                taken += result.get();
            }
            return taken;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> titles(String recipient) {
        return inboxes.newestFirst(recipient, "escalation", false, 0, 100).items().stream().map(Notice::title).toList();
    }
}
