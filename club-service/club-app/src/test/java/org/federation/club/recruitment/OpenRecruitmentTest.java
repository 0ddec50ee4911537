package org.federation.club.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Open recruitment: post, apply, appoint; the appointee leads the club and the history shows who stepped down. */
@ClubServiceTest
class OpenRecruitmentTest extends EmbeddedBackboneProperties {

    private String post(Persona who, String clubId, String role) {
        HttpProbe.Response posted = who.on(app()).postJson("/api/clubs/" + clubId + "/leader-positions",
                "{\"role\":\"" + role + "\",\"description\":\"lead our outreach\",\"closesAt\":\""
                        + Instant.now().plus(Duration.ofDays(7)) + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json().get("id").asString();
    }

    @Test
    void anApplicantAppointedFromAnOpenRecruitmentLeadsTheClubAndTheHistoryKeepsThePredecessor() {
        String clubId = ClubLifecycleTest.newClub(app(), "街舞协会");
        String position = post(Persona.LEADER, clubId, "president");
        assertThat(Persona.MEMBER.on(app()).postJson("/api/clubs/" + clubId + "/leader-positions",
                "{\"role\":\"treasurer\",\"description\":\"x\",\"closesAt\":\"2999-01-01T00:00:00Z\"}").status())
                .as("members do not post").isEqualTo(403);

        String path = "/api/leader-positions/" + position;
        assertThat(Persona.STUDENT.on(app()).postJson(path + "/applications", "{\"statement\":\"I dance\"}").status())
                .isEqualTo(200);
        assertThat(Persona.STUDENT.on(app()).postJson(path + "/applications", "{\"statement\":\"again\"}").status())
                .isEqualTo(409);
        HttpProbe.Response other = Persona.OTHER_LEADER.on(app()).postJson(path + "/applications",
                "{\"statement\":\"me too\"}");
        assertThat(other.json().get("applicants").size()).as("sees only their own application").isEqualTo(1);
        assertThat(Persona.LEADER.on(app()).get(path).json().get("applicants").size()).isEqualTo(2);
        assertThat(Persona.LEADER.on(app()).postJson(path + "/appointment", "{\"studentNumber\":\""
                + Persona.MEMBER.subject() + "\"}").status()).as("did not apply").isEqualTo(422);

        HttpProbe.Response appointed = Persona.ORGANIZATION_MEMBER.on(app()).postJson(path + "/appointment",
                "{\"studentNumber\":\"" + Persona.STUDENT.subject() + "\"}");
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(200);
        assertThat(appointed.json().get("state").asString()).isEqualTo("filled");
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson(path + "/appointment", "{\"studentNumber\":\""
                + Persona.OTHER_LEADER.subject() + "\"}").status()).as("filled already").isEqualTo(409);

        JsonNode leadership = Persona.STUDENT.on(app()).get("/api/clubs/" + clubId + "/leadership").json();
        assertThat(leadership.at("/leaders/0/studentNumber").asString()).isEqualTo(Persona.STUDENT.subject());
        assertThat(leadership.at("/pastTerms/0/leaders/0/studentNumber").asString()).isEqualTo(Persona.LEADER.subject());
        assertThat(Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/leader-positions",
                "{\"role\":\"treasurer\",\"description\":\"x\",\"closesAt\":\"2999-01-01T00:00:00Z\"}").status())
                .as("the former president no longer leads").isEqualTo(403);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            assertThat(probe.awaitAtLeast(s -> position.equals(s.key()), 2, Duration.ofSeconds(20)))
                    .extracting(TopicProbe.Seen::type).containsExactly("org.federation.club.leader-position-posted.v1",
                            "org.federation.club.leader-position-closed.v1");
            assertThat(probe.awaitAtLeast(s -> clubId.equals(s.key()) && s.type().endsWith("leadership-changed.v1"), 1,
                    Duration.ofSeconds(20)).get(0).payload()).contains(Persona.STUDENT.subject());
        }
    }

    @Test
    void aCancelledPositionTakesNoApplications() {
        String clubId = ClubLifecycleTest.newClub(app(), "读书会");
        String position = post(Persona.ORGANIZATION_HEAD, clubId, "secretary");
        assertThat(Persona.STUDENT.on(app()).postJson("/api/leader-positions/" + position + "/cancellation", "").status())
                .isEqualTo(403);
        assertThat(Persona.LEADER.on(app()).postJson("/api/leader-positions/" + position + "/cancellation", "").status())
                .isEqualTo(200);
        HttpProbe.Response late = Persona.STUDENT.on(app()).postJson("/api/leader-positions/" + position + "/applications",
                "{\"statement\":\"x\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("currentState").asString()).isEqualTo("cancelled");
    }
}
