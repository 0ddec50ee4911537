package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * An activity across the four services, from a club's proposal to its summary report: acmore's
 * leader proposes with a budget request, the Organization Department approves, the Finance
 * Department decides the budget (event-service shows the decision), people check in, the leader
 * claims an expense at finance, and the report shows the attendance from the check-ins and the
 * spending from finance; the published attendance reaches club-service's member attendance.
 * The minimum lead time is one second here, so the activity can start and end within the test.
 */
class ActivityFromProposalToReportAcrossServicesTest extends AcrossServices {


    @BeforeAll
    static void startPlatform() throws Exception {
        startPlatform("e2e-activity-", "--federation.activities.minimum-lead-time=PT1S");
    }


    @Test
    void aClubsActivityGoesFromProposalToAReportWithAttendanceAndSpendingAndItsAttendanceReachesClubService() {
        HttpProbe leader = signIn("acmore-leader", "event-service");
        HttpProbe organization = signIn("organization-member", "event-service");
        HttpProbe financeHead = signIn("finance-head", "finance-service");
        HttpProbe leaderAtFinance = signIn("acmore-leader", "finance-service");
        HttpProbe leaderAtClub = signIn("acmore-leader", "club-service");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(leader.get("/api/clubs/club-acmore").status()).isEqualTo(200);
            assertThat(financeHead.get("/api/accounts/acct-club-acmore").status()).isEqualTo(200);
        });

        Instant start = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plusSeconds(4);
        HttpProbe.Response proposed = leader.postJson("/api/activities", """
                {"title":"算法竞赛训练营","kind":"training-camp","start":"%s","end":"%s","venue":"Lab %s",
                 "audience":"public","expectedSize":40,"clubs":["club-acmore"]}""".formatted(start, end, UUID.randomUUID()));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.json().get("id").asString();
        String base = "/api/activities/" + id;
        HttpProbe.Response requested = leader.postJson(base + "/budget-request",
                "{\"items\":[{\"description\":\"lab rental\",\"amountFen\":20000},{\"description\":\"prizes\",\"amountFen\":10000}]}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        HttpProbe.Response approved = organization.postJson(base + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        // finance-service heard of the request from activity.events, and decides it
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(financeHead.get("/api/budgets/" + id).status()).isEqualTo(200));
        HttpProbe.Response decided = financeHead.postJson("/api/budgets/" + id + "/approval",
                "{\"approvedFen\":25000,\"note\":\"prizes from sponsorship\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode decision = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> leader.get(base + "/budget-request").json(), r -> r.hasNonNull("decision")).get("decision");
        assertThat(decision.get("decision").asString()).isEqualTo("partly-approved");
        assertThat(decision.get("grantedFen").asLong()).isEqualTo(25000);
        assertThat(decision.get("requestedFen").asLong()).isEqualTo(30000);
        assertThat(decision.get("reason").asString()).isEqualTo("prizes from sponsorship");

        // check-ins: two members and a non-member, one of them scanning twice
        for (String person : List.of("2023020002", "2023020003", "2024999001", "2023020002")) {
            assertThat(leader.postJson(base + "/check-ins/walk-in", "{\"studentNumber\":\"" + person + "\"}").status())
                    .isIn(200, 201);
        }
        assertThat(leader.get(base + "/attendance").json().get("attendance").asLong()).isEqualTo(3);

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        HttpProbe.Response claimed = leaderAtFinance.postJson("/api/budgets/" + id + "/claims", """
                {"amountFen":12000,"category":"venue","description":"lab rental for the training camp",
                 "payee":"计算机学院","spentOn":"%s","receipt":{"number":"FP-0043","issuedOn":"%s","issuer":"计算机学院"}}"""
                .formatted(today, today));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(end));
        HttpProbe.Response report = leader.send(new HttpCall("PUT", base + "/report", "application/json",
                "{\"summary\":\"30 people trained; 三道题\",\"links\":[\"https://photos.example.edu/camp\"],"
                        + "\"spendingRemarks\":\"receipts with the treasurer\"}"));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("attendance").asLong()).as("from the check-ins").isEqualTo(3);
        JsonNode shown = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> leader.get(base + "/report").json(),
                r -> r.hasNonNull("spending") && r.get("spending").get("spentFen").asLong() == 12000);
        assertThat(shown.get("spending").get("approvedFen").asLong()).isEqualTo(25000);
        assertThat(shown.get("spending").get("remainingFen").asLong()).isEqualTo(13000);
        assertThat(shown.get("spendingRemarks").asString()).isEqualTo("receipts with the treasurer");

        assertThat(leader.postJson(base + "/attendance/publication", "").status()).isEqualTo(200);
        JsonNode attendance = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> leaderAtClub.get("/api/clubs/club-acmore/members/2023020002/attendance").json(),
                a -> a.get("attendedCount").asInt() == 1);
        assertThat(attendance.get("attended").get(0).get("activityId").asString()).isEqualTo(id);
        assertThat(attendance.get("attended").get(0).get("title").asString()).isEqualTo("算法竞赛训练营");
        JsonNode record = leaderAtClub.get("/api/clubs/club-acmore/activity-record").json();
        assertThat(record.get("held").findValuesAsString("id")).contains(id);
        assertThat(leaderAtClub.get("/api/clubs/club-acmore/members/2023020001/attendance").json()
                .get("attendedCount").asInt()).as("the leader scanned but did not check in").isZero();
    }
}
