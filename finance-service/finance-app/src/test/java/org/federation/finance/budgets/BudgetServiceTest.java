package org.federation.finance.budgets;

import org.federation.finance.ledger.application.Sweep;
import org.federation.finance.budgets.domain.Budget;
import java.time.Instant;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.budgets.domain.Budgets;
import org.federation.finance.ledger.domain.Journal;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Budget requests from activity.events, the Finance Department's decision, and expense claims that never overspend. */
@FinanceServiceTest
class BudgetServiceTest extends EmbeddedBackboneProperties {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    Budgets budgets;
    @Autowired
    Accounts accounts;
    @Autowired
    Journal journal;
    @Autowired
    Sweep sweep;

    static String claim(long fen) {
        return """
                {"amountFen":%d,"category":"venue","description":"hall rental","payee":"学生活动中心",
                 "spentOn":"%s","receipt":{"number":"No.%s","issuedOn":"%s","issuer":"学生活动中心"}}"""
                .formatted(fen, LocalDate.now().minusDays(1), UUID.randomUUID().toString().substring(0, 8),
                        LocalDate.now().minusDays(1));
    }

    String clubLedBy(Persona leader) {
        String clubId = "budget-club-" + UUID.randomUUID();
        ClubFacts.publish(ClubFacts.established(clubId, "篮球协会 " + clubId.substring(12, 18), leader.subject(), List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> accounts.find("acct-" + clubId).isPresent());
        return clubId;
    }

    String requested(String clubId, long fen) {
        String activity = "activity-" + UUID.randomUUID();
        BudgetFacts.publish(BudgetFacts.requested(activity, clubId, fen, 1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> budgets.find(activity).isPresent());
        return activity;
    }

    @Test
    void aRequestIsDecidedInPartClaimedWithinItsBudgetBookedAndItsSpendingPublished() {
        String clubId = clubLedBy(Persona.LEADER);
        String activity = "activity-" + UUID.randomUUID();
        BudgetFacts.publish(BudgetFacts.requested(activity, clubId, 50_000, 1), BudgetFacts.requested(activity, clubId, 50_000, 1),
                BudgetFacts.requested(activity, clubId, 80_000, 2));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> budgets.find(activity)
                .map(b -> b.requestedFen() == 80_000).orElse(false));

        HttpProbe finance = Persona.FINANCE_MEMBER.on(app());
        HttpProbe leader = Persona.LEADER.on(app());
        assertThat(leader.postJson("/api/budgets/" + activity + "/claims", claim(100)).status())
                .as("nothing to claim before approval").isEqualTo(409);
        assertThat(leader.postJson("/api/budgets/" + activity + "/approval", "{\"approvedFen\":1}").status()).isEqualTo(403);
        assertThat(finance.postJson("/api/budgets/" + activity + "/approval", "{\"approvedFen\":80001}").status()).isEqualTo(422);
        HttpProbe.Response approved = finance.postJson("/api/budgets/" + activity + "/approval",
                "{\"approvedFen\":60000,\"note\":\"prizes from sponsorship instead\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("fundingAccountId").asString()).isEqualTo("acct-" + clubId);
        HttpProbe.Response twice = finance.postJson("/api/budgets/" + activity + "/rejection", "{\"reason\":\"changed my mind\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("currentState").asString()).isEqualTo("approved");

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            HttpProbe.Response claimed = leader.postJson("/api/budgets/" + activity + "/claims", claim(45_000));
            assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
            assertThat(claimed.json().at("/budget/remainingFen").asLong()).isEqualTo(15_000);
            HttpProbe.Response over = leader.postJson("/api/budgets/" + activity + "/claims", claim(15_001));
            assertThat(over.status()).isEqualTo(409);
            assertThat(over.body()).contains("exceeds what remains").contains("15000 of 60000 fen");
            assertThat(Persona.OTHER_LEADER.on(app()).postJson("/api/budgets/" + activity + "/claims", claim(1)).status())
                    .isEqualTo(403);

            List<TopicProbe.Seen> events = probe.awaitAtLeast(s -> activity.equals(s.key()), 2, Duration.ofSeconds(20));
            assertThat(events).extracting(TopicProbe.Seen::type).containsExactly(
                    "org.federation.finance.budget-decided.v1", "org.federation.finance.activity-spending-changed.v1");
            assertThat(events.get(0).headers()).as("decided by the Finance Department member")
                    .containsEntry("ce_actor", Persona.FINANCE_MEMBER.subject());
            assertThat(events.get(1).headers()).as("claimed by the club's leader")
                    .containsEntry("ce_actor", Persona.LEADER.subject());
            JsonNode decided = json.readTree(events.get(0).payload());
            assertThat(decided.get("decision").asString()).isEqualTo("partly-approved");
            JsonNode spending = json.readTree(events.get(1).payload());
            assertThat(spending.at("/budget/spentFen").asLong()).isEqualTo(45_000);
            assertThat(spending.at("/budget/remainingFen").asLong()).isEqualTo(15_000);
            assertThat(spending.get("category").asString()).isEqualTo("venue");
        }
        String claimId = budgets.find(activity).orElseThrow().claims().get(0).id();
        var booking = journal.find("claim-" + claimId).orElseThrow();
        assertThat(booking.deltaFor("acct-" + clubId)).isEqualTo(-45_000);
        assertThat(booking.source().activityId()).isEqualTo(activity);
        assertThat(accounts.find("acct-" + clubId).orElseThrow().balanceFen()).isEqualTo(-45_000);
        assertThat(budgets.find(activity).orElseThrow().claims().get(0).booked()).isTrue();

        String rejectedActivity = requested(clubId, 1_000);
        assertThat(finance.postJson("/api/budgets/" + rejectedActivity + "/rejection", "{\"reason\":\"no receipts last time\"}")
                .json().get("state").asString()).isEqualTo("rejected");
        assertThat(leader.postJson("/api/budgets/" + rejectedActivity + "/claims", claim(1)).status()).isEqualTo(409);
    }

    /**
     * Issue 24.1: a joint activity's budget is every organising club's. The co-organiser's leader claims (403 before:
     * finance knew only the first organiser) and the account the request named pays (before: always the first organiser's).
     */
    @Test
    void everyOrganisingClubsLeadersClaimOnAJointBudgetAndTheChosenClubsAccountPays() {
        String first = clubLedBy(Persona.LEADER);
        String paying = clubLedBy(Persona.OTHER_LEADER);
        String activity = "activity-" + UUID.randomUUID();
        BudgetFacts.publish(BudgetFacts.jointRequested(activity, paying, List.of(first, paying), 30_000, 1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> budgets.find(activity).isPresent());
        assertThat(budgets.find(activity).orElseThrow().organiserClubIds()).containsExactly(first, paying);

        HttpProbe.Response approved = Persona.FINANCE_MEMBER.on(app()).postJson("/api/budgets/" + activity + "/approval",
                "{\"approvedFen\":30000}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("fundingAccountId").asString()).as("the club the request named pays")
                .isEqualTo("acct-" + paying);

        HttpProbe.Response byFirst = Persona.LEADER.on(app()).postJson("/api/budgets/" + activity + "/claims", claim(10_000));
        assertThat(byFirst.status()).as(byFirst.body()).isEqualTo(201);
        HttpProbe.Response byCoOrganiser = Persona.OTHER_LEADER.on(app()).postJson("/api/budgets/" + activity + "/claims",
                claim(5_000));
        assertThat(byCoOrganiser.status()).as(byCoOrganiser.body()).isEqualTo(201);
        assertThat(byCoOrganiser.json().at("/budget/remainingFen").asLong()).isEqualTo(15_000);
        HttpProbe.Response outsider = Persona.MEMBER.on(app()).postJson("/api/budgets/" + activity + "/claims", claim(1));
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.body()).contains("leaders of its organising clubs").contains(first).contains(paying);

        assertThat(Persona.LEADER.on(app()).get("/api/budgets/" + activity).status()).isEqualTo(200);
        assertThat(Persona.LEADER.on(app()).get("/api/budgets?clubId=" + first).json().at("/items/0/id").asString())
                .as("the joint budget is listed with each organising club's").isEqualTo(activity);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                accounts.find("acct-" + paying).orElseThrow().balanceFen() == -15_000);
        assertThat(accounts.find("acct-" + first).orElseThrow().balanceFen()).as("the other organiser pays nothing")
                .isZero();
    }

    @Test
    void concurrentClaimsNeverTogetherOverspendTheBudget() throws Exception {
        String clubId = clubLedBy(Persona.LEADER);
        String activity = requested(clubId, 10_000);
        HttpProbe finance = Persona.FINANCE_MEMBER.on(app());
        assertThat(finance.postJson("/api/budgets/" + activity + "/approval", "{\"approvedFen\":10000}").status()).isEqualTo(200);

        int claims = 24;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpProbe.Response>> statuses = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            long fen = 700 + (i % 3) * 300; // 700, 1000 or 1300 fen
            HttpProbe claimant = (i % 2 == 0 ? Persona.LEADER : Persona.FINANCE_MEMBER).on(app());
            statuses.add(pool.submit(() -> {
                start.await();
                return claimant.postJson("/api/budgets/" + activity + "/claims", claim(fen));
            }));
        }
        start.countDown();
        List<Integer> answered = new ArrayList<>();
        List<String> acceptedIds = new ArrayList<>();
        for (Future<HttpProbe.Response> status : statuses) {
            HttpProbe.Response response = status.get();
            answered.add(response.status());
            if (response.status() == 201) {
                acceptedIds.add(response.json().at("/claim/id").asString());
            }
        }
        pool.shutdown();

        var budget = budgets.find(activity).orElseThrow();
        long spent = budget.claims().stream().mapToLong(c -> c.amountFen()).sum();
        assertThat(answered).containsOnly(201, 409);
        assertThat(acceptedIds).as("every claim answered 201 is on the budget, once (budget: %s)", budget.claims().stream()
                .map(c -> c.id() + "=" + c.amountFen()).toList())
                .containsExactlyInAnyOrderElementsOf(budget.claims().stream().map(c -> c.id()).toList());
        assertThat(spent).as("never beyond the approved 10000 fen").isLessThanOrEqualTo(10_000).isEqualTo(budget.spentFen());
        assertThat(budget.remainingFen()).isEqualTo(10_000 - spent).isGreaterThanOrEqualTo(0);
        assertThat(budget.remainingFen()).as("every refusal was for want of money").isLessThan(1_300);
        assertThat(accounts.find("acct-" + clubId).orElseThrow().balanceFen()).as("booked exactly as accepted")
                .isEqualTo(-spent);
        System.out.println("Concurrent claims: " + answered.stream().filter(s -> s == 201).count() + " of " + claims
                + " accepted, " + spent + " of 10000 fen spent");
    }

    @Test
    void unreadableAndInvalidBudgetRequestsGoToTheDeadLetterTopicAndTheNextIsApplied() {
        String garbage = "garbage-" + UUID.randomUUID();
        String invalid = "invalid-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        BudgetFacts.publishGarbage(garbage);
        BudgetFacts.publishRaw(invalid, "{\"activityId\":\"" + invalid + "\",\"title\":\"x\",\"clubId\":\"c\",\"amountFen\":0,"
                + "\"purpose\":\"p\",\"requestedBy\":\"2023010001\"}");
        BudgetFacts.publish(BudgetFacts.requested(good, "some-club", 100, 1));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> budgets.find(good).isPresent());
        try (TopicProbe dlq = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(),
                "activity.events.finance-service.dlq")) {
            assertThat(dlq.await(s -> garbage.equals(s.key()), Duration.ofSeconds(20)).get(0).headers()
                    .get("x-exception-message")).contains("ce_id");
            assertThat(dlq.await(s -> invalid.equals(s.key()), Duration.ofSeconds(20)).get(0).headers()
                    .get("x-exception-message")).contains("amountFen must be from 1");
        }
        assertThat(budgets.find(invalid)).isEmpty();
    }

    @Test
    void aClaimAcceptedButNotBookedBeforeACrashIsBookedAndPublishedByTheSweepOnce() {
        String clubId = clubLedBy(Persona.LEADER);
        String activity = requested(clubId, 5_000);
        assertThat(Persona.FINANCE_MEMBER.on(app()).postJson("/api/budgets/" + activity + "/approval",
                "{\"approvedFen\":5000}").status()).isEqualTo(200);
        String claimId = UUID.randomUUID().toString();
        LocalDate day = LocalDate.now().minusDays(1);
        assertThat(budgets.addClaim(activity, new Budget.Claim(claimId, 2_000, "food", "team lunch", "食堂",
                new Budget.Receipt("R-1", day, "食堂"), day, Persona.LEADER.subject(), Instant.now().minusSeconds(120),
                Budget.Claim.transactionIdOf(claimId), false, null))).isTrue();
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            sweep.sweep(Instant.now());
            sweep.sweep(Instant.now());
            TopicProbe.Seen spending = probe.await(s -> activity.equals(s.key())
                    && "org.federation.finance.activity-spending-changed.v1".equals(s.type()), Duration.ofSeconds(20)).get(0);
            assertThat(spending.headers()).as("the claimant's spending, though the sweep booked it")
                    .containsEntry("ce_actor", Persona.LEADER.subject());
            assertThat(probe.drain(Duration.ofMillis(500)).stream().filter(s -> activity.equals(s.key())
                    && s.type().endsWith("activity-spending-changed.v1"))).as("published once").hasSize(1);
        }
        assertThat(journal.find(Budget.Claim.transactionIdOf(claimId))).isPresent();
        assertThat(accounts.find("acct-" + clubId).orElseThrow().balanceFen()).isEqualTo(-2_000);
        assertThat(budgets.find(activity).orElseThrow().claims()).singleElement().matches(Budget.Claim::booked);
    }
}
