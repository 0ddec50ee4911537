package org.federation.notification.routing;

import org.federation.notification.routing.application.Router;
import org.federation.notification.routing.application.LateClubRetry;
import org.federation.notification.routing.domain.Routed;

import org.federation.notification.routing.domain.AwaitingClubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.Fixtures;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.directory.infrastructure.ClubDirectory;
import org.federation.notification.directory.infrastructure.Departments;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.testing.ConsumerGroups;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Events of club-, finance- and event-service become notices for subscribers, club leaders and the people concerned. */
@NotificationServiceTest
class RoutingTest extends EmbeddedBackboneProperties {

    @Autowired
    LateClubRetry lateClubs;
    @Autowired
    AwaitingClubs awaiting;
    @Autowired
    Router router;
    @Autowired
    org.federation.notification.directory.infrastructure.Registrants registrants;
    @Autowired
    ClubDirectory clubs;
    @Autowired
    Inboxes inboxes;
    @Autowired
    Departments departments;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    String run;
    String club;
    String leader;
    String member;

    @BeforeEach
    void aClub() {
        run = UUID.randomUUID().toString().substring(0, 8);
        club = "club-r-" + run;
        leader = "88" + Math.floorMod(run.hashCode(), 100_000);
        member = "87" + Math.floorMod(run.hashCode(), 100_000);
        ClubFacts.publish(Fixtures.club(club, "sports", List.of(leader), List.of(member), null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> clubs.find(club).isPresent());
    }

    @Test
    void aClubsLeadersAndTheOrganizationDepartmentHearOfItsLifecycleOncePerEvent() {
        EventEnvelope suspended = state("org.federation.club.suspended.v1", 2, "suspended", "accounts not filed");
        send("club.events", suspended, suspended);
        awaitTitle("person:" + leader, "Club suspended: Club " + club);
        awaitTitle("department:organization", "Club suspended: Club " + club);
        assertThat(titles("person:" + leader)).containsOnlyOnce("Club suspended: Club " + club)
                .contains("Club established: Club " + club);
        assertThat(titles("person:" + member)).as("members are not told of lifecycle events").isEmpty();
        assertThat(titles("department:finance")).doesNotContain("Club suspended: Club " + club);
        Notice notice = inboxes.get(Notice.idFor(suspended.id(), "person:" + leader));
        assertThat(notice.body()).contains("accounts not filed").contains("was active");
    }

    @Test
    void subscriptionsChangedThroughTheApiTakeEffect() {
        HttpProbe presidium = Persona.PRESIDIUM.on(app());
        assertThat(presidium.get("/api/subscriptions/department:finance").json().get("defaults").asBoolean()).isTrue();
        HttpProbe.Response changed = presidium.send(new org.federation.platform.testing.HttpCall("PUT",
                "/api/subscriptions/department:finance", "application/json",
                "{\"kinds\":[\"account-settled\",\"club-reinstated\"],\"ownClubs\":true}"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        HttpProbe leaderProbe = Fixtures.student(app(), leader);
        assertThat(leaderProbe.send(new org.federation.platform.testing.HttpCall("PUT", "/api/subscriptions/person:" + leader,
                "application/json", "{\"kinds\":[],\"ownClubs\":false}")).status()).isEqualTo(200);

        send("club.events", state("org.federation.club.reinstated.v1", 3, "active", "accounts filed"));
        awaitTitle("department:finance", "Club reinstated: Club " + club);
        awaitTitle("department:organization", "Club reinstated: Club " + club);
        assertThat(titles("person:" + leader)).as("opted out of their own club's notices").doesNotContain("Club reinstated: Club " + club);
        assertThat(presidium.get("/api/subscriptions/department:finance").json().get("updatedBy").asString())
                .isEqualTo(Persona.PRESIDIUM.subject());
        assertThat(presidium.send(new org.federation.platform.testing.HttpCall("PUT", "/api/subscriptions/department:finance",
                "application/json", "{\"kinds\":[\"no-such-kind\"],\"ownClubs\":true}")).status()).isEqualTo(422);
    }

    @Test
    void aHearingReachesTheInitiatorsAndThePanel() {
        String application = "app-" + run;
        send("club.events", RawEvents.envelope("org.federation.club.hearing-scheduled.v1", "/club-service", application, 3, """
                {"application":{"id":"%s","proposedName":"Go Club %s","category":"other","state":"hearing-scheduled",
                 "initiators":["8811111111","8811111112"],"hearing":{"scheduledAt":"2026-12-01T10:00:00Z","place":"Room 3",
                 "panel":["8822222222"]}},"reasons":[]}""".formatted(application, run)));
        for (String recipient : List.of("person:8811111111", "person:8811111112", "person:8822222222", "department:organization")) {
            awaitTitle(recipient, "Hearing scheduled: Go Club " + run);
        }
        assertThat(inboxes.newestFirst("person:8822222222", 0, 1).items().get(0).body()).contains("Room 3");
    }

    @Test
    void aMergerToldByOneEventPerClubIsOneNoticePerRecipient() {
        String merger = "merger-" + run;
        String payload = """
                {"club":{"id":"%s","name":"Club %s","category":"sports","state":"merged","leaders":[{"studentNumber":"%s",
                 "name":"L","role":"president"}],"memberStudentNumbers":[],"successorId":"succ-%s"},
                 "successor":{"id":"succ-%s","name":"United %s","category":"sports","state":"active","leaders":[],
                 "memberStudentNumbers":[]},"mergedAwayIds":["%s","other-%s"],"mergerId":"%s"}""";
        EventEnvelope first = RawEvents.envelope("org.federation.club.merged.v1", "/club-service", club, 2,
                payload.formatted(club, club, leader, run, run, run, club, run, merger));
        EventEnvelope second = RawEvents.envelope("org.federation.club.merged.v1", "/club-service", club, 3,
                payload.formatted(club, club, leader, run, run, run, club, run, merger));
        send("club.events", first, second);
        awaitTitle("department:organization", "Clubs merged into United " + run);
        // both events handled (the group has consumed the topic to its end), not half a second let pass
        ConsumerGroups.awaitCaughtUp("notification-service", "club.events", Duration.ofSeconds(20));
        assertThat(titles("department:organization")).containsOnlyOnce("Clubs merged into United " + run);
        assertThat(clubs.find(club).orElseThrow().state()).isEqualTo("merged");
    }

    /** Issue 19: the new facts reach the departments subscribed to their kinds, not the leaders of the club they touch. */
    @Test
    void theNewFactsReachTheirSubscribedDepartmentsAndNotTheClubsLeaders() {
        send("club.events", RawEvents.envelope("org.federation.club.late-registration-submitted.v1", "/club-service", club, 3, """
                {"club":{"id":"%s","name":"Club %s","category":"sports","state":"unregistered","leaders":[{"studentNumber":"%s",
                 "name":"L","role":"president"}],"memberStudentNumbers":["%s"]},"academicYear":"2031-2032","changedFields":[]}"""
                .formatted(club, club, leader, member)));
        send("finance.events", RawEvents.envelope("org.federation.finance.sponsorship-receipt-recorded.v1", "/finance-service",
                "sponsorship-rc-" + run, 2, """
                {"sponsorshipId":"sp-%s","sponsor":"Acme %s","clubId":"%s","accountId":"acct-%s","receiptId":"rc-%s",
                 "transactionId":"sponsorship-rc-%s","amountFen":5000,"receivedOn":"2026-11-20","promisedFen":10000}"""
                .formatted(run, run, club, club, run, run)));
        String trainee = "86" + Math.floorMod(run.hashCode(), 100_000);
        send("activity.events", RawEvents.envelope("org.federation.activity.trainee-enrolled.v1", "/event-service",
                "tc-" + run, 2, """
                {"trainingClass":{"id":"tc-%s","title":"Future Managers %s","organiser":"organization","capacity":30,
                 "sessions":[{"number":1,"start":"2026-12-01T01:00:00Z","end":"2026-12-01T03:00:00Z"}],"enrolled":1,
                 "createdBy":"2099000003","createdAt":"2026-11-20T00:00:00Z"},"studentNumber":"%s","clubId":"%s",
                 "enrolledAt":"2026-11-21T00:00:00Z"}""".formatted(run, run, trainee, club)));

        awaitTitle("department:organization", "Late registration: Club " + club + " (2031-2032)");
        awaitTitle("department:external-relations", "Sponsorship received: Club " + club);
        awaitTitle("person:" + trainee, "Enrolled in Future Managers " + run);
        assertThat(titles("person:" + leader)).as("the leader did it; the department's queue holds it")
                .doesNotContain("Late registration: Club " + club + " (2031-2032)")
                .doesNotContain("Sponsorship received: Club " + club);
        assertThat(titles("department:finance")).doesNotContain("Sponsorship received: Club " + club);
    }

    @Test
    void financeEventsOfListedKindsReachTheClubsLeaders() {
        send("finance.events", RawEvents.envelope("org.federation.finance.account-settled.v1", "/finance-service",
                "acct-" + run, 2, """
                {"account":{"id":"acct-%s","owner":"club","clubId":"%s","name":"Club %s","balanceFen":0,"state":"settled",
                 "openedAt":"2026-01-01T00:00:00Z"},"clubId":"%s","settledBalanceFen":1200,"movedTo":"acct-federation"}"""
                .formatted(run, club, club, club)));
        awaitTitle("person:" + leader, "Account settled: Club " + club);
    }

    @Test
    void anActivityReachesItsClubsMembersWhenPublishedOrCancelledButOnlyItsLeadersWhenTheReportIsOverdue() {
        String activity = "act-" + run;
        String snapshot = """
                {"id":"%s","title":"Go night %s","kind":"social","start":"2026-12-05T11:00:00Z","end":"2026-12-05T13:00:00Z",
                 "venue":"Room 1","audience":"members","organiserClubIds":["%s"],"category":"sports","state":"approved"}"""
                .formatted(activity, run, club);
        EventEnvelope published = RawEvents.envelope("org.federation.activity.published.v1", "/event-service", activity, 1,
                "{\"activity\":" + snapshot + "}");
        send("activity.events", published, published,
                RawEvents.envelope("org.federation.activity.attendance-published.v1", "/event-service", activity, 2,
                        "{\"activity\":" + snapshot + ",\"attendance\":0,\"walkIns\":0,\"attendees\":[]}"),
                RawEvents.envelope("org.federation.activity.budget-requested.v1", "/event-service", activity, 3, """
                        {"activityId":"%s","title":"Go night %s","clubId":"%s","amountFen":5000,"purpose":"snacks"}"""
                        .formatted(activity, run, club)),
                RawEvents.envelope("org.federation.activity.report-overdue.v1", "/event-service", activity, 4,
                        "{\"activity\":" + snapshot + ",\"dueAt\":\"2026-12-19T13:00:00Z\"}"),
                RawEvents.envelope("org.federation.activity.cancelled.v1", "/event-service", activity, 5,
                        "{\"activity\":" + snapshot.replace("approved", "cancelled") + ",\"reason\":\"rain\"}"));
        for (String recipient : List.of("person:" + member, "person:" + leader, "department:publicity")) {
            awaitTitle(recipient, "Activity published: Go night " + run);
            awaitTitle(recipient, "Activity cancelled: Go night " + run);
        }
        awaitTitle("person:" + leader, "Summary report overdue: Go night " + run);
        awaitTitle("department:evaluation", "Summary report overdue: Go night " + run);
        awaitTitle("department:finance", "Budget requested: Go night " + run);
        assertThat(titles("person:" + member)).as("members are not chased for reports nor told of budgets")
                .containsOnlyOnce("Activity published: Go night " + run)
                .noneMatch(t -> t.contains("overdue") || t.contains("Budget"));
        assertThat(titles("department:publicity")).noneMatch(t -> t.equals("Summary report overdue: Go night " + run));
        assertThat(inboxes.get(Notice.idFor(published.id(), "person:" + member)).subjectRef()).isEqualTo("activity:" + activity);
    }

    @Test
    void aPersonPromotedFromTheWaitlistHearsOfTheirSeatAndEveryoneHoldingAPlaceHearsOfACancellation() {
        String activity = "act-reg-" + run;
        String outsider = "86" + Math.floorMod(run.hashCode(), 100_000); // in no organising club
        String gaveUp = "85" + Math.floorMod(run.hashCode(), 100_000);
        String snapshot = """
                {"id":"%s","title":"Open gala %s","kind":"gala","start":"2026-12-24T11:00:00Z","end":"2026-12-24T13:00:00Z",
                 "venue":"Hall","audience":"public","organiserClubIds":["%s"],"category":"sports","state":"approved"}"""
                .formatted(activity, run, club);
        EventEnvelope promoted = registration(activity, outsider, 2, "registered", "promoted");
        send("activity.events", registration(activity, outsider, 1, "waitlisted", "waitlisted"), promoted, promoted,
                registration(activity, gaveUp, 1, "registered", "registered"),
                registration(activity, gaveUp, 2, "cancelled", "cancelled"));
        awaitTitle("person:" + outsider, "You have a seat: Open gala " + run);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> registrants.holdingPlacesAt(activity).equals(List.of(outsider)));

        send("activity.events", RawEvents.envelope("org.federation.activity.cancelled.v1", "/event-service", activity, 3,
                "{\"activity\":" + snapshot.replace("approved", "cancelled") + ",\"reason\":\"the hall flooded\"}"));
        awaitTitle("person:" + outsider, "Activity cancelled: Open gala " + run);
        awaitTitle("person:" + member, "Activity cancelled: Open gala " + run);
        assertThat(titles("person:" + outsider)).containsOnlyOnce("You have a seat: Open gala " + run);
        assertThat(titles("person:" + gaveUp)).as("gave their place up").noneMatch(t -> t.contains("Open gala"));
    }

    private EventEnvelope registration(String activity, String person, long sequence, String status, String change) {
        return RawEvents.envelope("org.federation.activity.registration-changed.v1", "/event-service", activity + "|" + person,
                sequence, """
                {"registrationId":"%s|%s","activityId":"%s","activityTitle":"Open gala %s","activityStart":"2026-12-24T11:00:00Z",
                 "studentNumber":"%s","status":"%s","change":"%s"}""".formatted(activity, person, activity, run, person, status,
                change));
    }

    @Test
    void anActivityOfAClubNotReadYetReachesItsMembersOnceTheClubIsReadAndNobodyTwice() {
        String late = "club-late-" + run;
        String lateMember = "84" + Math.floorMod(run.hashCode(), 100_000);
        String activity = "act-late-" + run;
        EventEnvelope published = RawEvents.envelope("org.federation.activity.published.v1", "/event-service", activity, 1, """
                {"activity":{"id":"%s","title":"Late night %s","kind":"social","start":"2026-12-05T11:00:00Z",
                 "end":"2026-12-05T13:00:00Z","venue":"Room 2","audience":"public","organiserClubIds":["%s"],
                 "category":"sports","state":"approved"}}""".formatted(activity, run, late));
        send("activity.events", published);
        awaitTitle("department:publicity", "Activity published: Late night " + run);
        assertThat(titles("person:" + lateMember)).as("the club is not known yet").isEmpty();

        ClubFacts.publish(Fixtures.club(late, "sports", List.of("83" + Math.floorMod(run.hashCode(), 100_000)),
                List.of(lateMember), null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> clubs.find(late).isPresent());
        lateClubs.retry(Instant.now());
        lateClubs.retry(Instant.now());
        assertThat(titles("person:" + lateMember)).containsOnlyOnce("Activity published: Late night " + run);
        assertThat(titles("department:publicity")).containsOnlyOnce("Activity published: Late night " + run);
        assertThat(waitingFor(activity)).as("nothing waits any more").isFalse();
    }

    @Test
    void aNoticeWaitsForItsClubHoweverLateAndIsDeliveredWhenTheClubComes() {
        String late = "club-slow-" + run;
        String lateMember = "81" + Math.floorMod(run.hashCode(), 100_000);
        Routed routed = new Routed("cause-" + run, "activity-published", "Activity published: Slow " + run, "Slow",
                "activity:slow-" + run, List.of(late), List.of(), false, Routed.ClubReach.MEMBERS, List.of());
        Instant start = Instant.now();
        router.route(routed, "system");
        lateClubs.retry(start);
        assertThat(waitingFor("slow-" + run)).as("still waiting").isTrue();

        lateClubs.retry(start.plus(Duration.ofMinutes(15)));
        assertThat(waitingFor("slow-" + run)).as("still waiting after 15 minutes of lag").isTrue();
        assertThat(meters.get("notification.routing.awaiting.clubs").gauge().value()).as("the backlog is visible")
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get("notification.routing.awaiting.clubs.oldest").gauge().value()).isPositive();

        ClubFacts.publish(Fixtures.club(late, "sports", List.of("80" + Math.floorMod(run.hashCode(), 100_000)),
                List.of(lateMember), null));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> clubs.find(late).isPresent());
        lateClubs.retry(start.plus(Duration.ofMinutes(16)));
        // (the app's own timer may have taken this attempt a moment before the test's call did)
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(titles("person:" + lateMember)).containsOnlyOnce("Activity published: Slow " + run);
            assertThat(waitingFor("slow-" + run)).as("nothing waits any more").isFalse();
        });
    }

    @Test
    void twoInstancesDoNotTryTheSameWaitingNoticeAtOnceAndEachTryComesLater() {
        Routed routed = new Routed("cause-twice-" + run, "activity-published", "Twice", "Twice", "activity:twice-" + run,
                List.of("club-twice-" + run), List.of(), false, Routed.ClubReach.MEMBERS, List.of());
        router.route(routed, "system");
        AwaitingClubs.Waiting seen = awaiting.oldestFirst(10_000).stream()
                .filter(w -> w.routed().subjectRef().equals("activity:twice-" + run)).findFirst().orElseThrow();
        Instant now = Instant.now();
        assertThat(awaiting.claim(seen, now.plus(lateClubs.backoffAfter(1)))).as("the first instance").isTrue();
        assertThat(awaiting.claim(seen, now.plus(lateClubs.backoffAfter(1)))).as("the second, on the same read").isFalse();
        assertThat(lateClubs.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(lateClubs.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(lateClubs.backoffAfter(30)).as("at most").isEqualTo(Duration.ofMinutes(5));
    }

    private boolean waitingFor(String activity) {
        return awaiting.oldestFirst(10_000).stream().anyMatch(w -> w.routed().subjectRef().equals("activity:" + activity));
    }

    @Test
    void theRosterNamesADepartmentsHeadsMembersAndLiaisonOfficers() {
        send("club.events", RawEvents.envelope("org.federation.federation.roster-changed.v1", "/club-service", "external-relations",
                Long.parseLong(String.valueOf(System.nanoTime()).substring(0, 12)), """
                {"department":"external-relations","head":{"studentNumber":"8833333333","name":"H"},
                 "deputyHeads":[{"studentNumber":"8833333336","name":"D"}],"members":[{"studentNumber":"8833333334","name":"M"}],
                 "liaisonOfficers":[{"studentNumber":"8833333335","name":"L","clubIds":["%s"]}],"change":"appointed"}""".formatted(club)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> departments.heads("external-relations").contains("8833333333"));
        assertThat(departments.find("external-relations").orElseThrow().members()).contains("8833333334", "8833333336");
        assertThat(departments.rosterLiaisonOf(club)).contains("8833333335");
    }

    private EventEnvelope state(String type, long sequence, String state, String reason) {
        return RawEvents.envelope(type, "/club-service", club, sequence, """
                {"club":{"id":"%s","name":"Club %s","category":"sports","state":"%s","leaders":[{"studentNumber":"%s",
                 "name":"L","role":"president"}],"memberStudentNumbers":["%s"]},"previousState":"%s","reason":"%s"}"""
                .formatted(club, club, state, leader, member, "active".equals(state) ? "suspended" : "active", reason));
    }

    private static void send(String topic, EventEnvelope... events) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            for (EventEnvelope event : events) {
                raw.send(topic, event);
            }
        }
    }

    private void awaitTitle(String recipient, String title) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> titles(recipient).contains(title));
    }

    private List<String> titles(String recipient) {
        return inboxes.newestFirst(recipient, 0, 100).items().stream().map(Notice::title).toList();
    }
}
