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
}
