package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;

/**
 * Deadlines seen working on the whole platform: the shared business clock of the four services is moved
 * by the local platform's own command ({@link BusinessTime}, the management ports' {@code /actuator/businessclock}),
 * never waited for, and each deadline is walked to what a person sees: the flag on the dashboard or the
 * record, and the notice in the right inboxes. Business time only moves forward, so the walks run in the
 * order of their deadlines: an escalation (days), a registration (a week), a report (weeks), a term (a year).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeadlinesAcrossServicesTest extends AcrossServices {

    static BusinessTime businessTime;

    @BeforeAll
    static void startPlatform() throws Exception {
        startPlatform("e2e-deadlines-");
        businessTime = businessTime();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(signIn("organization-member", "notification-service")
                        .get("/api/inbox?recipient=department:organization&kind=club-established&size=100").json()
                        .get("items").size()).isGreaterThanOrEqualTo(6));
    }

    @Test
    @Order(1)
    void aNoticeNobodyAcknowledgesEscalatesToTheLiaisonOfficerThenToTheHead() {
        // the club has a liaison officer on the roster; the head signs in once, so notification-service knows them
        HttpProbe presidium = signIn("presidium", "club-service");
        presidium.postJson("/api/departments/organization/members", "{\"studentNumber\":\"" + subjectOf("liaison")
                + "\",\"name\":\"联络员\"}");
        HttpProbe.Response assigned = signIn("organization-member", "club-service").send(new HttpCall("PUT",
                "/api/clubs/club-tennis/liaison-officer", "application/json", "{\"studentNumber\":\"" + subjectOf("liaison") + "\"}"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        HttpProbe head = signIn("organization-head", "notification-service");
        head.get("/api/notice-kinds");
        awaitCaughtUp("notification-service", "club.events");

        HttpProbe sender = signIn("organization-member", "notification-service");
        Instant acknowledgeBy = businessTime.show().now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        HttpProbe.Response sent = sender.postJson("/api/direct-notices", """
                {"department":"organization","title":"Club exchange conference","audience":"clubs","clubIds":["club-tennis"],
                 "body":"Friday 19:00 in the student centre; send one leader.","acknowledgeBy":"%s"}""".formatted(acknowledgeBy));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        String id = sent.json().get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                "sent".equals(sender.get("/api/direct-notices/" + id).json().get("state").asString()));
        assertThat(escalation(sender, id)).as("nothing before the deadline").isIn("waiting", null);

        businessTime.advance(Duration.ofDays(1).plusMinutes(1)); // a day of silence: the deadline passed
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "escalated-to-liaison".equals(escalation(sender, id)));
        HttpProbe liaison = signIn("liaison", "notification-service");
        assertThat(titles(liaison, "liaison", "escalation")).anyMatch(t -> t.startsWith("Unacknowledged: Club exchange conference"));

        businessTime.advance(Duration.ofDays(2)); // still silent two days later: the head
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "escalated-to-head".equals(escalation(sender, id)));
        assertThat(titles(head, "organization-head", "escalation")).anyMatch(t -> t.startsWith("Unacknowledged: Club exchange conference"));
        JsonNode view = sender.get("/api/direct-notices/" + id + "/acknowledgements").json();
        assertThat(view.get("missing").valueStream().map(JsonNode::asString)).contains("club:club-tennis");
    }

    @Test
    @Order(2)
    void aClubThatMissesTheRegistrationDeadlineIsUnregisteredOnTheDashboardAndToldSo() {
        HttpProbe organization = signIn("organization-member", "club-service");
        int first = 2040 + new java.util.Random().nextInt(50);
        String year = first + "-" + (first + 1);
        Instant deadline = businessTime.show().now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        HttpProbe.Response window = organization.postJson("/api/registration-windows",
                "{\"academicYear\":\"" + year + "\",\"deadline\":\"" + deadline + "\"}");
        assertThat(window.status()).as(window.body()).isEqualTo(201);
        HttpProbe.Response registered = signIn("acmore-leader", "club-service").postJson(
                "/api/clubs/club-acmore/registrations/" + year, "{}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);

        businessTime.advance(Duration.ofDays(8));
        // club-service's deadline sweep ran before the command answered
        assertThat(organization.get("/api/clubs/club-photography").json().get("state").asString()).isEqualTo("unregistered");
        assertThat(organization.get("/api/clubs/club-acmore").json().get("state").asString()).isEqualTo("active");
        JsonNode dashboard = signIn("organization-head", "club-service").get("/api/lifecycle/dashboard?academicYear=" + year).json();
        assertThat(dashboard.get("missingRegistrations").valueStream().map(c -> c.get("clubId").asString()))
                .contains("club-photography", "club-tennis").doesNotContain("club-acmore");

        HttpProbe leader = signIn("photography-leader", "notification-service");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(titles(leader, "photography-leader", "registration-missed")).anyMatch(t -> t.startsWith("Registration missed: ")));
        HttpProbe department = signIn("organization-member", "notification-service");
        assertThat(department.get("/api/inbox?recipient=department:organization&kind=registration-missed&size=100").json()
                .get("items").valueStream().map(n -> n.get("subjectRef").asString())).contains("club:club-photography")
                .doesNotContain("club:club-acmore");
    }

    @Test
    @Order(3)
    void anActivityWithoutItsReportTwoWeeksAfterItEndedIsOverdueAndItsLeadersAreChased() {
        HttpProbe leader = signIn("acmore-leader", "event-service");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(leader.get("/api/clubs/club-acmore").status()).isEqualTo(200));
        // the usual lead time: it starts more than a week after its proposal, in business time
        Instant start = businessTime.show().now().plus(Duration.ofDays(8)).truncatedTo(ChronoUnit.HOURS);
        Instant end = start.plus(Duration.ofHours(3));
        HttpProbe.Response proposed = leader.postJson("/api/activities", """
                {"title":"编程马拉松","kind":"training-camp","start":"%s","end":"%s","venue":"Room %s",
                 "audience":"public","expectedSize":30,"clubs":["club-acmore"]}""".formatted(start, end, UUID.randomUUID()));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.json().get("id").asString();
        HttpProbe.Response approved = signIn("organization-member", "event-service").postJson("/api/activities/" + id + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        businessTime.advance(Duration.between(businessTime.show().now(), end).plus(Duration.ofDays(13)));
        assertThat(leader.get("/api/activities/" + id).json().hasNonNull("reportState"))
                .as("not yet: the report is due 14 days after the end").isFalse();
        businessTime.advance(Duration.ofDays(1).plusHours(1));
        assertThat(leader.get("/api/activities/" + id).json().get("reportState").asString()).isEqualTo("overdue");

        HttpProbe inbox = signIn("acmore-leader", "notification-service");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(titles(inbox, "acmore-leader", "report-overdue")).contains("Summary report overdue: 编程马拉松"));
        HttpProbe evaluation = signIn("evaluation-member", "notification-service");
        assertThat(evaluation.get("/api/inbox?recipient=department:evaluation&kind=report-overdue&size=100").json()
                .get("items").valueStream().map(n -> n.get("title").asString())).contains("Summary report overdue: 编程马拉松");
    }

    @Test
    @Order(4)
    void aTermThatEndsWithoutAConfirmedHandoverIsFlaggedAndTheClubAndDepartmentsAreTold() {
        HttpProbe organization = signIn("organization-head", "club-service");
        assertThat(organization.get("/api/lifecycle/dashboard").json().get("overdueHandovers").valueStream()
                .map(c -> c.get("clubId").asString())).doesNotContain("club-heart-star");

        businessTime.advance(Duration.ofDays(366)); // the demo clubs' one-year terms end
        assertThat(organization.get("/api/lifecycle/dashboard").json().get("overdueHandovers").valueStream()
                .map(c -> c.get("clubId").asString())).contains("club-heart-star", "club-acmore");

        HttpProbe leader = signIn("heart-star-leader", "notification-service");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(titles(leader, "heart-star-leader", "handover-overdue")).anyMatch(t -> t.startsWith("Handover overdue: ")));
        for (String department : List.of("organization", "evaluation")) {
            HttpProbe member = signIn(department + "-member", "notification-service");
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(member.get("/api/inbox?recipient=department:" + department + "&kind=handover-overdue&size=100")
                            .json().get("items").valueStream().map(n -> n.get("subjectRef").asString()))
                            .contains("club:club-heart-star"));
        }
    }

    /** The escalation state of the one group of a direct notice. */
    private static String escalation(HttpProbe sender, String id) {
        JsonNode items = sender.get("/api/direct-notices/" + id + "/acknowledgements").json().get("items");
        return items.isEmpty() || !items.get(0).has("escalation") ? null : items.get(0).get("escalation").asString();
    }

    /** The titles of a demo user's notices of one kind. */
    private static List<String> titles(HttpProbe probe, String demoUser, String kind) {
        return probe.get("/api/inbox?recipient=person:" + subjectOf(demoUser) + "&kind=" + kind + "&size=100").json()
                .get("items").valueStream().map(n -> n.get("title").asString()).toList();
    }

    private static String subjectOf(String demoUser) {
        return FederationNoticeAcrossServicesTest.subjectOf(demoUser);
    }
}
