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
 * The minimum lead time is one second here, so the activity can start within seconds; the test then
 * moves the platform's business clock past its end (no waiting for it).
 * Anyone sees the published activity on the calendar with its club's name, and finds the
 * federation's accounts and their statements on the transparency page.
 */
class ActivityFromProposalToReportAcrossServicesTest extends AcrossServices {


    @BeforeAll
    static void startPlatform() throws Exception {
        startPlatform("e2e-activity-", "--federation.activities.minimum-lead-time=PT1S");
    }


    /**
     * The transparency page as an anonymous person uses it: the Finance Department books a grant
     * into the general fund last month and publishes the month's statement; someone without an
     * account finds the general fund by its name in the index, reads the statement's PDF from the
     * index's link and verifies the chain, and sees the trial balance balance.
     */
    @Test
    void anAnonymousPersonFindsTheGeneralFundInTheTransparencyIndexAndVerifiesItsStatement() {
        HttpProbe financeHead = signIn("finance-head", "finance-service");
        java.time.YearMonth lastMonth = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        HttpProbe.Response booked = financeHead.postJson("/api/ledger/transactions", """
                {"category":"grant","description":"the university's grant","bookedOn":"%s",
                 "lines":[{"accountId":"federation-general","side":"debit","amountFen":5000000},
                          {"accountId":"federation-income-other","side":"credit","amountFen":5000000}]}"""
                .formatted(lastMonth.atDay(1)));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        HttpProbe.Response published = financeHead.postJson("/api/accounts/federation-general/statements",
                "{\"period\":\"" + lastMonth + "\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);

        HttpProbe anyone = HttpProbe.onPort(apps.port("finance-service"));
        HttpProbe.Response index = anyone.get("/api/transparency/accounts");
        assertThat(index.status()).as(index.body()).isEqualTo(200);
        JsonNode generalFund = null;
        for (JsonNode account : index.json().get("items")) {
            if (account.get("name").asString().startsWith("General fund")) {
                generalFund = account;
            }
        }
        assertThat(generalFund).as("the general fund, found by its name").isNotNull();
        assertThat(generalFund.get("balanceFen").asLong()).isGreaterThanOrEqualTo(5_000_000);
        JsonNode statement = generalFund.get("latestMonth");
        assertThat(statement.get("period").asString()).isEqualTo(lastMonth.toString());
        HttpProbe.Download pdf = anyone.download(statement.get("links").get("pdf").asString());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("X-Statement-Hash")).containsExactly(statement.get("hash").asString());
        assertThat(pdf.pdfText()).contains("¥50,000.00");
        JsonNode chain = anyone.get(generalFund.get("links").get("monthChain").asString()).json();
        assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.get("lastHash").asString()).isEqualTo(statement.get("hash").asString());
        JsonNode trialBalance = anyone.get("/api/transparency/trial-balance").json();
        assertThat(trialBalance.get("balanced").asBoolean()).as(trialBalance.toString()).isTrue();
        assertThat(trialBalance.get("debitsFen").asLong()).isGreaterThanOrEqualTo(5_000_000);
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

        // business time: the activity ends when the test moves the platform's business clock past its end
        BusinessTime businessTime = businessTime();
        Instant start = businessTime.show().now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
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
        // published: anyone finds it on the calendar and its feed, with the organising club by name
        HttpProbe anyoneAtEvents = HttpProbe.onPort(apps.port("event-service"));
        JsonNode onCalendar = anyoneAtEvents.get("/api/calendar/" + id).json();
        assertThat(onCalendar.get("organisers").get(0).get("name").asString()).isEqualTo("acmore编程协会 acmore Programming Club");
        assertThat(anyoneAtEvents.get("/api/calendar/feed?club=club-acmore").body().replace("\r\n ", ""))
                .contains("DESCRIPTION:Organised by acmore编程协会 acmore Programming Club.");

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

        Duration toEnd = Duration.between(businessTime.show().now(), end);
        businessTime.advance((toEnd.isNegative() ? Duration.ZERO : toEnd).plusSeconds(1)); // the camp is over
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
