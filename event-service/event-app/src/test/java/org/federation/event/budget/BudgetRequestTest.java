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
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A budget request accompanies a proposal and is published as budget-requested for finance-service. */
@EventServiceTest
class BudgetRequestTest extends EmbeddedBackboneProperties {

    @Autowired
    ClubDirectory directory;

    /** A proposal of a fresh club led by LEADER (MEMBER a member), far enough ahead for the lead time. */
    static String proposal(HttpProbe app, ClubDirectory directory, int daysAhead) {
        String club = "club-bud-" + UUID.randomUUID();
        ClubFacts.publishEstablished(club, "预算社 " + club.substring(9, 17), Persona.LEADER.subject(), List.of(Persona.MEMBER.subject()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(club).isPresent());
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(daysAhead, ChronoUnit.DAYS);
        return Persona.LEADER.on(app).postJson("/api/activities", """
                {"title":"Club Cup","kind":"club-cup","start":"%s","end":"%s","venue":"Field %s","audience":"public",
                 "expectedSize":300,"clubs":["%s"]}""".formatted(start, start.plus(5, ChronoUnit.HOURS), UUID.randomUUID(), club))
                .json().get("id").asString();
    }

    @Test
    void aProposalsBudgetRequestIsPublishedOnceWithItsTotal() {
        String id = proposal(app(), directory, 500);
        String club = Persona.LEADER.on(app()).get("/api/activities/" + id).json().get("organiserClubIds").get(0).asString();
        String path = "/api/activities/" + id + "/budget-request";
        String body = "{\"items\":[{\"description\":\"奖杯 trophies\",\"amountFen\":30000},{\"description\":\"water\",\"amountFen\":12050}]}";
        assertThat(Persona.MEMBER.on(app()).postJson(path, body).status()).isEqualTo(403);
        HttpProbe.Response requested = Persona.LEADER.on(app()).postJson(path, body);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().get("amountFen").asLong()).isEqualTo(42050);
        assertThat(Persona.LEADER.on(app()).postJson(path, body).status()).isEqualTo(409);
        assertThat(Persona.FINANCE_MEMBER.on(app()).get(path).json().get("amountFen").asLong()).isEqualTo(42050);
        assertThat(Persona.FINANCE_MEMBER.on(app()).get(path).json().get("items").get(0).get("description").asString())
                .isEqualTo("奖杯 trophies");
        assertThat(Persona.MEMBER.on(app()).get(path).status()).isEqualTo(403);
        assertThat(Persona.MEMBER.on(app()).get("/api/activities/" + id).json().has("budgetRequest"))
                .as("members read the activity but not its budget request").isFalse();
        assertThat(Persona.LEADER.on(app()).postJson("/api/activities/" + id + "/cancellation", "{\"reason\":\"x\"}")
                .status()).isEqualTo(200);
        assertThat(Persona.LEADER.on(app()).get(path).json().get("amountFen").asLong())
                .as("a later change of the activity keeps its budget request").isEqualTo(42050);
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "activity.events")) {
            TopicProbe.Seen seen = probe.await(s -> id.equals(s.key()) && ActivityEventTypes.BUDGET_REQUESTED.equals(s.type()),
                    Duration.ofSeconds(20)).get(0);
            assertThat(seen.payload()).contains("\"amountFen\":42050").contains("\"clubId\":\"" + club + "\"")
                    .contains("\"requestedBy\":\"" + Persona.LEADER.subject() + "\"");
            assertThat(seen.headers()).as("the leader who asked").containsEntry("ce_actor", Persona.LEADER.subject());
        }
    }

    /**
     * Issue 24.1: a joint activity's organisers choose which club's account pays when they ask, and the event names
     * every organiser, so finance lets each organiser's leaders act on the budget (before: the first organiser only).
     */
    @Test
    void aJointActivitysRequestNamesThePayingClubAndEveryOrganiser() {
        String first = "club-bud-" + UUID.randomUUID();
        String second = "club-bud-" + UUID.randomUUID();
        ClubFacts.publishEstablished(first, "预算社 " + first.substring(9, 17), Persona.LEADER.subject(), List.of());
        ClubFacts.publishEstablished(second, "合办社 " + second.substring(9, 17), Persona.OTHER_LEADER.subject(), List.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(first).isPresent()
                && directory.find(second).isPresent());
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(530, ChronoUnit.DAYS);
        HttpProbe.Response proposed = Persona.LEADER.on(app()).postJson("/api/activities", """
                {"title":"Joint Gala","kind":"gala","start":"%s","end":"%s","venue":"Hall %s","audience":"public",
                 "expectedSize":300,"clubs":["%s","%s"]}""".formatted(start, start.plus(3, ChronoUnit.HOURS),
                UUID.randomUUID(), first, second));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.json().get("id").asString();
        String path = "/api/activities/" + id + "/budget-request";
        String items = "[{\"description\":\"stage\",\"amountFen\":20000}]";

        HttpProbe.Response stranger = Persona.OTHER_LEADER.on(app()).postJson(path,
                "{\"items\":" + items + ",\"payingClubId\":\"club-nobody\"}");
        assertThat(stranger.status()).as("only an organising club pays: " + stranger.body()).isEqualTo(422);
        HttpProbe.Response requested = Persona.OTHER_LEADER.on(app()).postJson(path,
                "{\"items\":" + items + ",\"payingClubId\":\"" + second + "\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().get("clubId").asString()).isEqualTo(second);
        assertThat(Persona.LEADER.on(app()).get(path).json().get("clubId").asString()).isEqualTo(second);
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "activity.events")) {
            TopicProbe.Seen seen = probe.await(s -> id.equals(s.key()) && ActivityEventTypes.BUDGET_REQUESTED.equals(s.type()),
                    Duration.ofSeconds(20)).get(0);
            assertThat(seen.payload()).contains("\"clubId\":\"" + second + "\"")
                    .contains("\"organiserClubIds\":[\"" + first + "\",\"" + second + "\"]");
        }
    }

    @Test
    void twoRacingRequestsForOneActivityGiveOneRequestAndOneEvent() throws Exception {
        String id = proposal(app(), directory, 520);
        String path = "/api/activities/" + id + "/budget-request";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> racing = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                long amount = 1000 + i;
                racing.add(pool.submit(() -> Persona.LEADER.on(app()).postJson(path,
                        "{\"items\":[{\"description\":\"posters\",\"amountFen\":" + amount + "}]}").status()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : racing) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        } finally {
            pool.shutdown();
        }
        long kept = Persona.LEADER.on(app()).get(path).json().get("amountFen").asLong();
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "activity.events")) {
            String payload = probe.await(s -> id.equals(s.key()) && ActivityEventTypes.BUDGET_REQUESTED.equals(s.type()),
                    Duration.ofSeconds(20)).get(0).payload();
            assertThat(payload).contains("\"amountFen\":" + kept);
            assertThat(probe.drain(Duration.ofSeconds(1)).stream()
                    .filter(s -> id.equals(s.key()) && ActivityEventTypes.BUDGET_REQUESTED.equals(s.type())))
                    .as("one budget request event, written with the request (besides the proposal's own)").hasSize(1);
        }
    }
}
