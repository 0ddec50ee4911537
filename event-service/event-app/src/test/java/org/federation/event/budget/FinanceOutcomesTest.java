package org.federation.event.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.budget.domain.FinanceOutcomes;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** finance-service's decision on a budget request, and its spending, reach the budget request through finance.events. */
@EventServiceTest
class FinanceOutcomesTest extends EmbeddedBackboneProperties {

    @Autowired
    ClubDirectory directory;

    @Autowired
    FinanceOutcomes outcomes;

    @Test
    void theNewestDecisionIsShownAndRedeliveriesOrOlderEventsChangeNothing() {
        String id = proposalWithBudgetRequest(42050);
        String path = "/api/activities/" + id + "/budget-request";
        assertThat(Persona.LEADER.on(app()).get(path).json().hasNonNull("decision")).as("not decided yet").isFalse();

        String partly = FinanceEvents.budget(id, 42050, "approved", 30000, 0, 0);
        FinanceEvents.decided(id, 2, partly, "partly-approved", "trophies only; 饮料自理");
        JsonNode decision = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> Persona.LEADER.on(app()).get(path).json(), r -> r.hasNonNull("decision")).get("decision");
        assertThat(decision.get("decision").asString()).isEqualTo("partly-approved");
        assertThat(decision.get("grantedFen").asLong()).isEqualTo(30000);
        assertThat(decision.get("requestedFen").asLong()).isEqualTo(42050);
        assertThat(decision.get("reason").asString()).isEqualTo("trophies only; 饮料自理");
        assertThat(decision.get("decidedAt").asString()).isEqualTo("2026-11-20T08:00:00Z");

        FinanceEvents.decided(id, 2, partly, "partly-approved", "trophies only; 饮料自理"); // redelivered
        FinanceEvents.decided(id, 1, FinanceEvents.budget(id, 42050, "rejected", 0, 0, 0), "rejected", "stale");
        FinanceEvents.spendingChanged(id, 3, FinanceEvents.budget(id, 42050, "approved", 30000, 8000, 1), 8000);
        JsonNode after = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> Persona.FINANCE_MEMBER.on(app()).get(path).json(), r -> r.hasNonNull("spending"));
        assertThat(after.get("spending").get("spentFen").asLong()).as("events on one key arrive in order").isEqualTo(8000);
        assertThat(after.get("decision").get("decision").asString()).as("an older decision changes nothing")
                .isEqualTo("partly-approved");
        assertThat(after.get("decision").get("reason").asString()).isEqualTo("trophies only; 饮料自理");

        FinanceEvents.send(FinanceEventTypes.BUDGET_CLOSED, id, 4, "{\"budget\":" + FinanceEvents.budget(id, 42050,
                "closed", 30000, 8000, 1).replace("\"remainingFen\":22000", "\"remainingFen\":0")
                + ",\"releasedFen\":22000,\"cause\":\"claim-window-passed\",\"reason\":\"ended\"}");
        JsonNode closed = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> Persona.FINANCE_MEMBER.on(app()).get(path).json(),
                r -> "closed".equals(r.at("/spending/budgetState").asString(null))).get("spending");
        assertThat(closed.get("remainingFen").asLong()).as("what remained is released").isZero();
        assertThat(closed.get("spentFen").asLong()).isEqualTo(8000);
    }

    @Test
    void aRejectionGrantsNothingAndAReDecisionReplacesIt() {
        String id = proposalWithBudgetRequest(9900);
        FinanceEvents.decided(id, 2, FinanceEvents.budget(id, 9900, "rejected", 0, 0, 0), "rejected", "no funds left");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> outcomes.decision(id).isPresent());
        assertThat(outcomes.decision(id).get().decision()).isEqualTo("rejected");
        assertThat(outcomes.decision(id).get().grantedFen()).isZero();
        FinanceEvents.decided(id, 3, FinanceEvents.budget(id, 9900, "approved", 9900, 0, 0), "approved", null);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "approved".equals(outcomes.decision(id).get().decision()));
        assertThat(outcomes.decision(id).get().grantedFen()).isEqualTo(9900);
        assertThat(outcomes.decision(id).get().reason()).isNull();
    }

    @Test
    void budgetEventsThatCannotBeTrustedGoToTheDeadLetterTopic() {
        String garbage = "garbage-" + UUID.randomUUID();
        String wrongKey = "act-" + UUID.randomUUID();
        String unknownDecision = "act-" + UUID.randomUUID();
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("finance.events", RawEvents.envelope(FinanceEventTypes.BUDGET_DECIDED, "/finance-service", garbage, 1,
                    "\"only a string\""));
        }
        FinanceEvents.decided(wrongKey, 1, FinanceEvents.budget("act-other", 100, "approved", 100, 0, 0), "approved", null);
        FinanceEvents.decided(unknownDecision, 1, FinanceEvents.budget(unknownDecision, 100, "approved", 100, 0, 0),
                "maybe", null);
        FinanceEvents.send(FinanceEventTypes.ACTIVITY_SPENDING_CHANGED, wrongKey, 2, "{\"claimId\":\"c\",\"claimedFen\":1,\"withdrawn\":false}");
        try (TopicProbe dlq = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(),
                "finance.events.event-service.dlq")) {
            assertThat(dlq.await(s -> garbage.equals(s.key()), Duration.ofSeconds(30)).get(0).headers()
                    .get("x-exception-message")).contains("budget-decided");
            assertThat(dlq.await(s -> unknownDecision.equals(s.key()), Duration.ofSeconds(30)).get(0).headers()
                    .get("x-exception-message")).contains("decision is one of");
            assertThat(dlq.awaitAtLeast(s -> wrongKey.equals(s.key()), 2, Duration.ofSeconds(30))).allSatisfy(
                    s -> assertThat(s.headers().get("x-exception-message")).contains("keyed by"));
        }
        assertThat(outcomes.decision(wrongKey)).isEmpty();
        assertThat(outcomes.decision("act-other")).isEmpty();
        assertThat(outcomes.decision(unknownDecision)).isEmpty();
    }

    private String proposalWithBudgetRequest(long amountFen) {
        String id = BudgetRequestTest.proposal(app(), directory, 400);
        HttpProbe.Response requested = Persona.LEADER.on(app()).postJson("/api/activities/" + id + "/budget-request",
                "{\"items\":[{\"description\":\"trophies\",\"amountFen\":" + amountFen + "}]}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        return id;
    }
}
