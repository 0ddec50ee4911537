package org.federation.notification.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.federation.club.contracts.ClubElectionRecorded;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubLeadershipChanged;
import org.federation.club.contracts.ClubRegistrationConfirmed;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.club.contracts.FoundingAnnouncement;
import org.federation.club.contracts.FoundingApplicationChanged;
import org.federation.club.contracts.FoundingApplicationSummary;
import org.federation.club.contracts.HearingBallotCast;
import org.federation.club.contracts.LateRegistrationSubmitted;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.ActivityProposed;
import org.federation.event.contracts.ActivityPublished;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.event.contracts.BudgetRequested;
import org.federation.finance.contracts.BudgetClosed;
import org.federation.finance.contracts.BudgetDecided;
import org.federation.finance.contracts.BudgetSnapshot;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.Fixtures;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.contracts.NoticeAcknowledged;
import org.federation.notification.contracts.NoticeEscalated;
import org.federation.notification.contracts.NoticePosted;
import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.notification.directory.infrastructure.ClubDirectory;
import org.federation.notification.escalation.application.EscalationSweep;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Work queues built from the services' events, through the real consumers on the embedded backbone and
 * the HTTP API: each kind opens on the event that asks for the work and leaves every queue it was in on
 * the event that completes it; the order (most overdue first); who may read which queue; redelivery and
 * a closing event that arrives before its opening one.
 */
@NotificationServiceTest
class WorkQueueTest extends EmbeddedBackboneProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORGANIZATION = "department:organization";
    private static final String FINANCE = "department:finance";

    @Autowired
    ClubDirectory clubs;
    @Autowired
    EscalationSweep sweep;

    String run;
    String club;
    String clubName;

    @BeforeEach
    void aClubWithALeaderAndALiaisonOfficer() {
        run = UUID.randomUUID().toString().substring(0, 6);
        club = "club-wq-" + run;
        clubName = "摄影协会 " + run;
        ClubFacts.publish(ClubFacts.established(club, clubName, number(1), List.of(number(2)), number(9)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> clubs.find(club).isPresent());
        Fixtures.signInEveryone(app());
    }

    /** A student number unique to this run. */
    String number(int n) {
        return "66" + Math.floorMod(run.hashCode(), 1000) + "0" + n;
    }

    // ---- per kind: open → in the queue → close → gone ----

    @Test
    void foundingReviewAndHearingBallotsOpenAndCloseWithTheApplication() {
        String application = "fa-" + run;
        Instant hearingAt = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        club(founding(ClubEventTypes.FOUNDING_SUBMITTED, application, 1, "submitted", null));
        String review = "founding-review:" + application + ":1";
        awaitIn(ORGANIZATION, review);
        JsonNode item = find(ORGANIZATION, review);
        assertThat(item.get("kind").asString()).isEqualTo("founding-review");
        assertThat(item.get("title").asString()).isEqualTo("Review the founding application for “桌游协会 " + run
                + "” from 2 people");
        assertThat(item.get("service").asString()).isEqualTo("club-service");
        assertThat(item.get("link").asString()).isEqualTo("/api/founding-applications/" + application);
        assertThat(noValue(item.path("deadline"))).as("the rules set no deadline for a review").isTrue();

        club(founding(ClubEventTypes.FOUNDING_QUALIFIED, application, 2, "qualified", null));
        awaitGone(ORGANIZATION, review);

        FoundingApplicationSummary.HearingSummary hearing = new FoundingApplicationSummary.HearingSummary(hearingAt,
                "Room 204", List.of(number(31), number(32)));
        club(founding(ClubEventTypes.HEARING_SCHEDULED, application, 3, "hearing-scheduled", hearing));
        String firstBallot = "hearing-vote:" + application + ":3:" + number(31);
        String secondBallot = "hearing-vote:" + application + ":3:" + number(32);
        awaitIn("person:" + number(31), firstBallot);
        awaitIn("person:" + number(32), secondBallot);
        JsonNode ballot = mine(number(31)).get("items").get(0);
        assertThat(ballot.get("title").asString()).isEqualTo("Vote at the founding hearing of “桌游协会 " + run + "” in Room 204");
        assertThat(Instant.parse(ballot.get("deadline").asString())).isEqualTo(hearingAt);
        assertThat(ballot.get("overdue").asBoolean()).isFalse();

        club(RawEvents.envelope(ClubEventTypes.HEARING_BALLOT_CAST, "/club-service", application, 4, JSON.writeValueAsString(
                new HearingBallotCast(summary(application, "hearing-scheduled", hearing), number(31), "approve", null,
                        Instant.now(), 1, 2))));
        awaitGone("person:" + number(31), firstBallot);
        assertThat(ids("person:" + number(32))).as("the other panel member still has to vote").contains(secondBallot);

        club(RawEvents.envelope(ClubEventTypes.FOUNDING_ANNOUNCED, "/club-service", application, 5, JSON.writeValueAsString(
                new FoundingAnnouncement(application, "club-new-" + run, "桌游协会 " + run, "other", "games", List.of(),
                        LocalDate.now(), 1, 0, 1))));
        awaitGone("person:" + number(32), secondBallot);
    }

    @Test
    void aLateRegistrationAndARecordedElectionAwaitTheOrganizationDepartmentUntilAcceptedAndConfirmed() {
        club(RawEvents.envelope(ClubEventTypes.LATE_REGISTRATION_SUBMITTED, "/club-service", club, 2,
                JSON.writeValueAsString(new LateRegistrationSubmitted(snapshot(), "2026-2027", List.of()))));
        String late = "late-registration:" + club + ":2026-2027";
        awaitIn(ORGANIZATION, late);
        assertThat(find(ORGANIZATION, late).get("title").asString())
                .isEqualTo("Accept the late registration of " + clubName + " for 2026-2027");
        assertThat(find(ORGANIZATION, late).get("link").asString()).isEqualTo("/api/clubs/" + club + "/registrations/2026-2027");
        club(RawEvents.envelope(ClubEventTypes.REGISTRATION_CONFIRMED, "/club-service", club, 3,
                JSON.writeValueAsString(new ClubRegistrationConfirmed(snapshot(), "2026-2027", true, List.of()))));
        awaitGone(ORGANIZATION, late);

        LocalDate heldOn = LocalDate.now().minusDays(1);
        List<ClubLeader> elected = List.of(new ClubLeader(number(2), "Member", "president"));
        club(RawEvents.envelope(ClubEventTypes.ELECTION_RECORDED, "/club-service", club, 4,
                JSON.writeValueAsString(new ClubElectionRecorded(snapshot(), heldOn, 12, true, elected))));
        String election = "election-confirmation:" + club + ":4";
        awaitIn(ORGANIZATION, election);
        assertThat(find(ORGANIZATION, election).get("title").asString())
                .isEqualTo("Confirm the leader election of " + clubName + " held on " + heldOn);
        // an appointment by open recruitment (elected "today", not the meeting's day) leaves the election waiting
        club(RawEvents.envelope(ClubEventTypes.LEADERSHIP_CHANGED, "/club-service", club, 5, JSON.writeValueAsString(
                new ClubLeadershipChanged(snapshot(), List.of(), LocalDate.now().plusDays(1), LocalDate.now().plusYears(1)))));
        club(RawEvents.envelope(ClubEventTypes.LEADERSHIP_CHANGED, "/club-service", club, 6, JSON.writeValueAsString(
                new ClubLeadershipChanged(snapshot(), List.of(), heldOn, LocalDate.now().plusYears(1)))));
        awaitGone(ORGANIZATION, election);
    }

    @Test
    void anActivityProposalAwaitsApprovalAndItsBudgetRequestTheFinanceDepartmentsDecision() {
        String activity = "act-wq-" + run;
        Instant start = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        activity(proposed(activity, 1, start));
        String proposal = "activity-proposal:" + activity;
        awaitIn(ORGANIZATION, proposal);
        JsonNode item = find(ORGANIZATION, proposal);
        assertThat(item.get("title").asString()).isEqualTo("Approve the activity proposal “Night shoot " + run + "” from "
                + clubName);
        assertThat(Instant.parse(item.get("deadline").asString())).as("approved before it starts").isEqualTo(start);
        assertThat(item.get("link").asString()).isEqualTo("/api/activities/" + activity);

        activity(budgetRequested(activity, 2));
        String budget = "budget-request:" + activity;
        awaitIn(FINANCE, budget);
        JsonNode request = find(FINANCE, budget);
        assertThat(request.get("title").asString()).isEqualTo("Decide the budget request of " + clubName
                + " for “Night shoot " + run + "”: 5,000.00 yuan");
        assertThat(Instant.parse(request.get("deadline").asString())).as("due when the activity starts").isEqualTo(start);
        assertThat(request.get("service").asString()).isEqualTo("finance-service");
        assertThat(request.get("link").asString()).isEqualTo("/api/budgets/" + activity);

        activity(RawEvents.envelope(ActivityEventTypes.PUBLISHED, "/event-service", activity, 3,
                JSON.writeValueAsString(new ActivityPublished(snapshot(activity, start, "approved")))));
        awaitGone(ORGANIZATION, proposal);
        finance(budgetDecided(activity));
        awaitGone(FINANCE, budget);
    }

    @Test
    void feedbackAwaitsItsDepartmentsAnswer() {
        String subject = "Longer library hours " + run;
        HttpProbe.Response sent = HttpProbe.onPort(port).postJson("/api/feedback", """
                {"kind":"suggestion","department":"office","subject":"%s","text":"Until 23:00 in exam weeks."}"""
                .formatted(subject));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String id = sent.json().at("/feedback/id").asString();
        String feedback = "feedback:" + id;
        awaitIn("department:office", feedback);
        assertThat(find("department:office", feedback).get("title").asString()).isEqualTo("Answer the suggestion “" + subject + "”");
        HttpProbe office = Persona.OFFICE_MEMBER.on(app());
        assertThat(office.postJson("/api/feedback/" + id + "/answer", """
                {"answer":"From next term.","makePublic":false}""").status()).isEqualTo(200);
        awaitGone("department:office", feedback);
    }

    /** A notice to acknowledge in a leader's queue; unacknowledged past its deadline, the liaison officer chases it. */
    @Test
    void aNoticeToAcknowledgeAndItsEscalationLeaveBothQueuesWhenTheClubAcknowledges() {
        Instant deadline = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        JsonNode sent = Fixtures.sendAndAwait(Persona.ORGANIZATION_MEMBER.on(app()), """
                {"department":"organization","title":"Club exchange conference %s","body":"Friday 19:00, room 101.",
                 "audience":"clubs","clubIds":["%s"],"acknowledgeBy":"%s"}""".formatted(run, club, deadline));
        String directNotice = sent.get("id").asString();
        String noticeId = Notice.idFor("direct:" + directNotice, "person:" + number(1));
        String acknowledgement = "acknowledgement:" + noticeId;
        awaitIn("person:" + number(1), acknowledgement);
        JsonNode item = mine(number(1)).get("items").get(0);
        assertThat(item.get("title").asString()).isEqualTo("Acknowledge “Club exchange conference " + run + "”");
        assertThat(Instant.parse(item.get("deadline").asString())).isEqualTo(deadline);
        assertThat(item.get("link").asString()).isEqualTo("/api/inbox/" + noticeId + "/acknowledgement");

        sweep.sweep(deadline.plusSeconds(1));
        String escalation = "escalation:" + directNotice + ":club:" + club;
        awaitIn("person:" + number(9), escalation);
        JsonNode chase = mine(number(9)).get("items").get(0);
        assertThat(chase.get("title").asString()).isEqualTo("Chase " + clubName + ": “Club exchange conference " + run
                + "” is not acknowledged");
        assertThat(chase.get("link").asString()).isEqualTo("/api/direct-notices/" + directNotice + "/acknowledgements");

        assertThat(Fixtures.student(app(), number(1)).postJson("/api/inbox/" + noticeId + "/acknowledgement", "").status())
                .isEqualTo(200);
        awaitGone("person:" + number(1), acknowledgement);
        awaitGone("person:" + number(9), escalation);
    }

    @Test
    void anItemAwaitingSeveralQueuesLeavesEveryOneOfThemWhenClosedElsewhere() {
        String directNotice = "dn-wq-" + run;
        String escalationId = directNotice + ":club:" + club;
        notification(escalated(escalationId, directNotice, List.of("person:" + number(40), "department:evaluation"),
                Instant.now().minus(Duration.ofHours(1))));
        String escalation = "escalation:" + escalationId;
        awaitIn("person:" + number(40), escalation);
        awaitIn("department:evaluation", escalation);
        notification(acknowledged("n-wq-" + run, directNotice, List.of(club)));
        awaitGone("person:" + number(40), escalation);
        awaitGone("department:evaluation", escalation);
    }

    // ---- ordering and paging ----

    @Test
    void mostOverdueFirstThenTheNearestDeadlineThenWorkWithoutADeadlineAndPaged() {
        String person = number(50);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // sent out of order, each a hearing this person sits on the panel of; and one escalation with no deadline
        notification(escalated("dn-none-" + run + ":person:" + person, "dn-none-" + run, List.of("person:" + person), null));
        club(founding(ClubEventTypes.HEARING_SCHEDULED, "fa-in3d-" + run, 3, "hearing-scheduled", panel(now.plus(Duration.ofDays(3)), person)));
        club(founding(ClubEventTypes.HEARING_SCHEDULED, "fa-late1h-" + run, 3, "hearing-scheduled", panel(now.minus(Duration.ofHours(1)), person)));
        club(founding(ClubEventTypes.HEARING_SCHEDULED, "fa-in1d-" + run, 3, "hearing-scheduled", panel(now.plus(Duration.ofDays(1)), person)));
        club(founding(ClubEventTypes.HEARING_SCHEDULED, "fa-late2d-" + run, 3, "hearing-scheduled", panel(now.minus(Duration.ofDays(2)), person)));
        List<String> expected = List.of("hearing-vote:fa-late2d-" + run + ":3:" + person,
                "hearing-vote:fa-late1h-" + run + ":3:" + person, "hearing-vote:fa-in1d-" + run + ":3:" + person,
                "hearing-vote:fa-in3d-" + run + ":3:" + person, "escalation:dn-none-" + run + ":person:" + person);
        await().untilAsserted(() -> assertThat(ids("person:" + person)).containsExactlyElementsOf(expected));

        JsonNode all = mine(person);
        assertThat(all.get("totalItems").asLong()).isEqualTo(5);
        assertThat(all.get("items").valueStream().map(i -> i.get("overdue").asBoolean()).toList())
                .containsExactly(true, true, false, false, false);
        assertThat(noValue(all.at("/items/4/deadline"))).isTrue();
        JsonNode second = Fixtures.student(app(), person).get("/api/work-queue/mine?page=1&size=2").json();
        assertThat(second.get("items").valueStream().map(i -> i.get("id").asString()).toList())
                .containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(second.get("totalItems").asLong()).isEqualTo(5);
        assertThat(second.get("page").asInt()).isEqualTo(1);
    }

    // ---- who may read which queue ----

    @Test
    void aPersonReadsTheirOwnQueueAndADepartmentsOfficersTheirDepartmentsOnly() {
        String leader = "person:" + Persona.LEADER.subject();
        assertThat(Persona.LEADER.on(app()).get("/api/work-queue?queue=" + leader).status()).isEqualTo(200);
        assertThat(Persona.LEADER.on(app()).get("/api/work-queue/mine").status()).isEqualTo(200);
        assertThat(Persona.STUDENT.on(app()).get("/api/work-queue?queue=" + leader).status()).as("another person").isEqualTo(403);
        assertThat(Persona.ORGANIZATION_HEAD.on(app()).get("/api/work-queue?queue=" + leader).status()).isEqualTo(403);
        assertThat(Persona.PRESIDIUM.on(app()).get("/api/work-queue?queue=" + leader).status()).isEqualTo(200);

        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).get("/api/work-queue?queue=" + ORGANIZATION).status()).isEqualTo(200);
        assertThat(Persona.ORGANIZATION_HEAD.on(app()).get("/api/work-queue?queue=" + ORGANIZATION).status()).isEqualTo(200);
        assertThat(Persona.FINANCE_MEMBER.on(app()).get("/api/work-queue?queue=" + ORGANIZATION).status())
                .as("another department").isEqualTo(403);
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).get("/api/work-queue?queue=" + FINANCE).status()).isEqualTo(403);
        assertThat(Persona.LIAISON.on(app()).get("/api/work-queue?queue=" + ORGANIZATION).status()).isEqualTo(403);
        assertThat(Persona.STUDENT.on(app()).get("/api/work-queue?queue=" + ORGANIZATION).status()).isEqualTo(403);
        assertThat(Persona.ANONYMOUS.on(app()).get("/api/work-queue/mine").status()).isEqualTo(401);
        assertThat(Persona.PRESIDIUM.on(app()).get("/api/work-queue?queue=department:nowhere").status()).isEqualTo(404);
    }

    @Test
    void badPagingOrABadQueueIsA400ProblemNeverA500() {
        HttpProbe organization = Persona.ORGANIZATION_MEMBER.on(app());
        for (String query : List.of("/mine?size=0", "/mine?size=101", "/mine?page=-1", "/mine?page=x",
                "?queue=" + ORGANIZATION + "&size=0", "?queue=" + ORGANIZATION + "&page=-3", "?queue=nobody", "")) {
            HttpProbe.Response response = organization.get("/api/work-queue" + query);
            assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    // ---- idempotence and order ----

    @Test
    void aRedeliveredOpeningEventOpensNothingTwiceNorAgainOnceClosed() {
        String activity = "act-redo-" + run;
        String budget = "budget-request:" + activity;
        EventEnvelope request = budgetRequested(activity, 2);
        activity(request);
        activity(request);
        awaitIn(FINANCE, budget);
        assertThat(ids(FINANCE).stream().filter(budget::equals)).as("once").hasSize(1);

        finance(RawEvents.envelope(FinanceEventTypes.BUDGET_CLOSED, "/finance-service", activity, 1, JSON.writeValueAsString(
                new BudgetClosed(budgetSnapshot(activity, "closed"), 0, "activity-cancelled", "the activity was cancelled"))));
        awaitGone(FINANCE, budget);
        activity(request); // redelivered after the close
        activity(proposed(activity, 3, Instant.now().plus(Duration.ofDays(9)))); // same key, after it: read once this is
        awaitIn(ORGANIZATION, "activity-proposal:" + activity);
        assertThat(ids(FINANCE)).as("a closed item stays closed").doesNotContain(budget);
    }

    @Test
    void aClosingEventThatArrivesBeforeItsOpeningEventLeavesNoGhost() {
        // finance-service decided before notification-service read event-service's request (another topic)
        String activity = "act-early-" + run;
        String budget = "budget-request:" + activity;
        finance(budgetDecided(activity));
        // the budget's next event, on the same partition: once its notice reaches the club's leader, the decision was
        // read (the leader's inbox, whose subscription no other test changes)
        finance(RawEvents.envelope(FinanceEventTypes.BUDGET_CLOSED, "/finance-service", activity, 2, JSON.writeValueAsString(
                new BudgetClosed(budgetSnapshot(activity, "closed"), 0, "claim-window-passed", "the claim window passed"))));
        await().until(() -> Fixtures.student(app(), number(1)).get("/api/inbox?size=100&recipient=person:" + number(1)).json()
                .get("items").valueStream().anyMatch(n -> n.get("title").asString().startsWith("Budget closed: Night shoot " + run)));
        activity(budgetRequested(activity, 2));
        activity(proposed(activity, 3, Instant.now().plus(Duration.ofDays(9)))); // same key, after it
        awaitIn(ORGANIZATION, "activity-proposal:" + activity);
        assertThat(ids(FINANCE)).doesNotContain(budget);


        // another leader of the club acknowledged (another notice's key) before the escalation was read
        String directNotice = "dn-early-" + run;
        String escalationId = directNotice + ":club:" + club;
        notification(acknowledged("n-early-" + run, directNotice, List.of(club)));
        // an event under the same key, after it: once its item is there, the acknowledgement was read
        notification(RawEvents.envelope(NotificationEventTypes.NOTICE_ESCALATED, "/notification-service", "n-early-" + run, 3,
                JSON.writeValueAsString(new NoticeEscalated("n-early-" + run, "dn-marker", "organization", "club:" + club,
                        "liaison-officer", List.of("person:" + number(61)), Instant.now(), Instant.now()))));
        awaitIn("person:" + number(61), "escalation:n-early-" + run);
        notification(escalated(escalationId, directNotice, List.of("person:" + number(60)), Instant.now()));
        // the escalation's key again, after it: once its item is there, the escalation was read
        notification(RawEvents.envelope(NotificationEventTypes.NOTICE_POSTED, "/notification-service", escalationId, 1,
                JSON.writeValueAsString(new NoticePosted(escalationId, "person:" + number(60), "direct", "Marker " + run,
                        "direct-notice:" + directNotice, Instant.now(), directNotice, Instant.now().plus(Duration.ofDays(1))))));
        awaitIn("person:" + number(60), "acknowledgement:" + escalationId);
        assertThat(ids("person:" + number(60))).doesNotContain("escalation:" + escalationId);
    }

    @Test
    void anOpeningEventReDrivenAfterItsSourceMovedOnOpensNothing() {
        // the submission went to the dead-letter topic; the review happened; an operator re-drives the submission
        String application = "fa-redriven-" + run;
        club(founding(ClubEventTypes.FOUNDING_QUALIFIED, application, 2, "qualified", null));
        club(founding(ClubEventTypes.FOUNDING_SUBMITTED, application, 1, "submitted", null));
        // the application's next event (its hearing), which touches no review: once its ballot is there, the re-drive was read
        club(founding(ClubEventTypes.HEARING_SCHEDULED, application, 3, "hearing-scheduled",
                panel(Instant.now().plus(Duration.ofDays(1)), number(70))));
        awaitIn("person:" + number(70), "hearing-vote:" + application + ":3:" + number(70));
        assertThat(ids(ORGANIZATION)).doesNotContain("founding-review:" + application + ":1");
    }

    // ---- helpers ----

    /** A field left out (the API leaves out what is null) or null. */
    private static boolean noValue(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
    }

    private void awaitIn(String queue, String id) {
        await().untilAsserted(() -> assertThat(ids(queue)).contains(id));
    }

    private void awaitGone(String queue, String id) {
        await().untilAsserted(() -> assertThat(ids(queue)).doesNotContain(id));
    }

    /** Every item id in the queue, in its order (read as the presidium). */
    private List<String> ids(String queue) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = Persona.PRESIDIUM.on(app()).get("/api/work-queue?size=100&page=" + page + "&queue=" + queue).json();
            body.get("items").valueStream().forEach(i -> ids.add(i.get("id").asString()));
            if (ids.size() >= body.get("totalItems").asLong() || body.get("items").isEmpty()) {
                return ids;
            }
        }
    }

    private JsonNode find(String queue, String id) {
        for (int page = 0; page < 50; page++) {
            JsonNode body = Persona.PRESIDIUM.on(app()).get("/api/work-queue?size=100&page=" + page + "&queue=" + queue).json();
            for (JsonNode item : body.get("items")) {
                if (item.get("id").asString().equals(id)) {
                    return item;
                }
            }
        }
        throw new AssertionError(id + " is not in " + queue);
    }

    private JsonNode mine(String number) {
        return Fixtures.student(app(), number).get("/api/work-queue/mine").json();
    }

    private static void send(String topic, EventEnvelope event) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send(topic, event);
        }
    }

    private static void club(EventEnvelope event) {
        send("club.events", event);
    }

    private static void activity(EventEnvelope event) {
        send("activity.events", event);
    }

    private static void finance(EventEnvelope event) {
        send("finance.events", event);
    }

    private static void notification(EventEnvelope event) {
        send("notification.events", event);
    }

    private ClubSnapshot snapshot() {
        return new ClubSnapshot(club, clubName, "arts-culture", "active", LocalDate.of(2015, 9, 1), null,
                List.of(new ClubLeader(number(1), "Leader", "president")), List.of(number(2)), number(9), null, "c@example.edu");
    }

    private FoundingApplicationSummary summary(String application, String state, FoundingApplicationSummary.HearingSummary hearing) {
        return new FoundingApplicationSummary(application, "桌游协会 " + run, "other", state, List.of(number(21), number(22)),
                hearing);
    }

    private EventEnvelope founding(String type, String application, long sequence, String state,
                                   FoundingApplicationSummary.HearingSummary hearing) {
        return RawEvents.envelope(type, "/club-service", application, sequence, JSON.writeValueAsString(
                new FoundingApplicationChanged(summary(application, state, hearing), List.of(), null)));
    }

    private static FoundingApplicationSummary.HearingSummary panel(Instant at, String member) {
        return new FoundingApplicationSummary.HearingSummary(at, "Room 101", List.of(member));
    }

    private ActivitySnapshot snapshot(String activity, Instant start, String state) {
        return new ActivitySnapshot(activity, "Night shoot " + run, "workshop", null, start, start.plus(Duration.ofHours(2)),
                "Lab 305", "members", List.of(club), null, "arts-culture", state);
    }

    private EventEnvelope proposed(String activity, long sequence, Instant start) {
        return RawEvents.envelope(ActivityEventTypes.PROPOSED, "/event-service", activity, sequence,
                JSON.writeValueAsString(new ActivityProposed(snapshot(activity, start, "proposed"), number(1))));
    }

    private EventEnvelope budgetRequested(String activity, long sequence) {
        return RawEvents.envelope(ActivityEventTypes.BUDGET_REQUESTED, "/event-service", activity, sequence,
                JSON.writeValueAsString(new BudgetRequested(activity, "Night shoot " + run, club, null, 500_000, "film",
                        List.of(new BudgetRequested.BudgetItem("film", 500_000)), number(1), List.of(club))));
    }

    private BudgetSnapshot budgetSnapshot(String activity, String state) {
        return new BudgetSnapshot(activity, "Night shoot " + run, club, null, 500_000, state, 300_000, 0, 300_000, 0,
                null, Persona.FINANCE_MEMBER.subject(), Instant.now());
    }

    private EventEnvelope budgetDecided(String activity) {
        return RawEvents.envelope(FinanceEventTypes.BUDGET_DECIDED, "/finance-service", activity, 1,
                JSON.writeValueAsString(new BudgetDecided(budgetSnapshot(activity, "approved"), "partly-approved", null)));
    }

    private static EventEnvelope escalated(String escalationId, String directNotice, List<String> to, Instant acknowledgeBy) {
        String group = escalationId.substring(directNotice.length() + 1);
        return RawEvents.envelope(NotificationEventTypes.NOTICE_ESCALATED, "/notification-service", escalationId, 1,
                JSON.writeValueAsString(new NoticeEscalated(escalationId, directNotice, "organization", group,
                        "liaison-officer", to, acknowledgeBy, Instant.now())));
    }

    private EventEnvelope acknowledged(String noticeId, String directNotice, List<String> clubIds) {
        return RawEvents.envelope(NotificationEventTypes.NOTICE_ACKNOWLEDGED, "/notification-service", noticeId, 2,
                JSON.writeValueAsString(new NoticeAcknowledged(noticeId, "person:" + number(1), directNotice, clubIds,
                        number(1), Instant.now(), Instant.now())));
    }
}
