package org.federation.club.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TestTokens;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The Evaluation Department scores a club; what the platform knows is filled in, with reasons the club sees. */
@ClubServiceTest
class EvaluationTest extends EmbeddedBackboneProperties {

    static final String ENTERED = "{\"scores\":{\"department-assessment\":{\"score\":90,\"reason\":\"active in the Club Cup\"}}}";

    private HttpProbe evaluator() {
        return app().with("Authorization", "Bearer " + TestTokens.tokenFor("2022030002", List.of("DEPARTMENT:evaluation")));
    }

    @Test
    void theDepartmentEntersOnlyWhatThePlatformCannotDeriveAndTheClubSeesThePublishedScoresWithReasons() {
        String clubId = ClubLifecycleTest.newClub(app(), "辩论社");
        String year = ClubLifecycleTest.randomYear();
        Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/registration-windows", "{\"academicYear\":\"" + year
                + "\",\"deadline\":\"" + Instant.now().plus(Duration.ofDays(30)) + "\"}");
        Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/registrations/" + year, "{}");
        String path = "/api/clubs/" + clubId + "/evaluations/" + year;

        assertThat(Persona.FINANCE_MEMBER.on(app()).send(new HttpCall("PUT", path, "application/json", ENTERED)).status())
                .isEqualTo(403);
        assertThat(evaluator().send(new HttpCall("PUT", path, "application/json",
                "{\"scores\":{}}")).status())
                .as("department-assessment missing").isEqualTo(422);
        assertThat(evaluator().send(new HttpCall("PUT", path, "application/json",
                ENTERED.replace("}}}", "},\"registration-on-time\":{\"score\":10,\"reason\":\"x\"}}}"))).status())
                .as("derived criteria are not entered").isEqualTo(422);

        HttpProbe.Response draft = evaluator().send(new HttpCall("PUT", path, "application/json", ENTERED));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        JsonNode scores = draft.json().get("scores");
        assertThat(scores.get(0).get("criterion").asString()).isEqualTo("registration-on-time");
        assertThat(scores.get(0).get("score").asInt()).isEqualTo(100);
        assertThat(scores.get(0).get("source").asString()).isEqualTo("derived");
        assertThat(scores.get(0).get("reason").asString()).contains("registered on time");
        assertThat(scores.get(2).get("reason").asString()).contains("1 of 1 members");
        assertThat(scores.get(3).get("criterion").asString()).isEqualTo("activities-held");
        assertThat(scores.get(3).get("score").asInt()).as("nothing held in a year to come").isZero();
        assertThat(scores.get(3).get("reason").asString()).startsWith("0 activities held in " + year);
        assertThat(scores.get(4).get("criterion").asString()).isEqualTo("report-compliance");
        assertThat(scores.get(4).get("score").asInt()).isEqualTo(100);
        assertThat(draft.json().get("total").asDouble()).isEqualTo(81.7);
        assertThat(Persona.MEMBER.on(app()).get("/api/clubs/" + clubId + "/evaluations").json().size())
                .as("a draft is the department's").isZero();

        assertThat(evaluator().postJson(path + "/publication", "").status()).isEqualTo(200);
        JsonNode seen = Persona.MEMBER.on(app()).get("/api/clubs/" + clubId + "/evaluations").json().get(0);
        assertThat(seen.get("published").asBoolean()).isTrue();
        assertThat(seen.at("/scores/5/reason").asString()).isEqualTo("active in the Club Cup");
        assertThat(evaluator().send(new HttpCall("PUT", path, "application/json", ENTERED)).status())
                .as("published is final").isEqualTo(409);
        assertThat(Persona.OTHER_LEADER.on(app()).get("/api/clubs/" + clubId + "/evaluations").status()).isEqualTo(403);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            assertThat(probe.awaitAtLeast(s -> (clubId + ":" + year).equals(s.key()), 1, Duration.ofSeconds(20))
                    .get(0).type()).isEqualTo("org.federation.club.evaluation-published.v1");
        }
    }

    @Test
    void whileTheYearsRegistrationIsOpenItsCriterionIsPendingAndPublishingNeedsTheDepartmentsExplicitWord() {
        String clubId = ClubLifecycleTest.newClub(app(), "围棋社");
        String year = ClubLifecycleTest.randomYear();
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/registration-windows", "{\"academicYear\":\""
                + year + "\",\"deadline\":\"" + Instant.now().plus(Duration.ofDays(30)) + "\"}").status()).isEqualTo(201);
        String path = "/api/clubs/" + clubId + "/evaluations/" + year;

        HttpProbe.Response draft = evaluator().send(new HttpCall("PUT", path, "application/json", ENTERED));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        JsonNode registration = draft.json().at("/scores/0");
        assertThat(registration.get("criterion").asString()).isEqualTo("registration-on-time");
        assertThat(registration.get("status").asString()).as("not registered yet, but still in time").isEqualTo("pending");
        assertThat(registration.hasNonNull("score")).as("no score: " + registration).isFalse();
        assertThat(registration.get("reason").asString()).contains("open until");
        assertThat(draft.json().at("/scores/1/status").asString()).isEqualTo("decided");
        assertThat(draft.json().get("pendingCriteria").asInt()).isEqualTo(1);
        // the five decided: handover 100, retention 100, activities 0, reports 100, assessment 90
        assertThat(draft.json().get("total").asDouble()).as("only decided criteria count").isEqualTo(78.0);

        HttpProbe.Response early = evaluator().postJson(path + "/publication", "");
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("1 criteria still pending", "despitePending");
        HttpProbe.Response anyway = evaluator().postJson(path + "/publication?despitePending=true", "");
        assertThat(anyway.status()).as(anyway.body()).isEqualTo(200);
        assertThat(anyway.json().get("published").asBoolean()).isTrue();

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            TopicProbe.Seen published = probe.awaitAtLeast(s -> (clubId + ":" + year).equals(s.key()), 1,
                    Duration.ofSeconds(20)).get(0);
            JsonNode event = tools.jackson.databind.json.JsonMapper.builder().build().readTree(published.payload());
            assertThat(event.get("pendingCriteria").asInt()).isEqualTo(1);
            assertThat(event.at("/scores/0/status").asString()).isEqualTo("pending");
            assertThat(event.at("/scores/1/status").asString()).isEqualTo("decided");
        }
    }
}
