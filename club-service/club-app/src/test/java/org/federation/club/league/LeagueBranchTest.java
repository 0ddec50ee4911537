package org.federation.club.league;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.league.domain.LeagueBranch;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** Youth-league branches: the three-member rule, the secretary, awards, through HTTP and events. */
@ClubServiceTest
class LeagueBranchTest extends EmbeddedBackboneProperties {

    static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");
    static final Set<String> CLUB = Set.of("L", "a", "b", "c");

    @Test
    void aBranchNeedsThreeLeagueMembersFromTheClub() {
        assertThatThrownBy(() -> LeagueBranch.establish("c1", "a", List.of("b"), CLUB, "L", NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> LeagueBranch.establish("c1", "a", List.of("b", "stranger"), CLUB, "L", NOW))
                .hasMessageContaining("stranger does not belong");
        LeagueBranch branch = LeagueBranch.establish("c1", "a", List.of("b", "c"), CLUB, "L", NOW);
        assertThat(branch.members()).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> branch.removeMember("b")).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("at least 3");
        assertThatThrownBy(() -> branch.removeMember("a")).hasMessageContaining("secretary");
        assertThat(branch.addMember("L", CLUB).removeMember("b").members()).containsExactly("a", "c", "L");
        LeagueBranch awarded = branch.award(new LeagueBranch.Award("red-flag-branch", "2026", null, "org", NOW));
        assertThatThrownBy(() -> awarded.award(new LeagueBranch.Award("red-flag-branch", "2026", null, "org", NOW)))
                .hasMessageContaining("already awarded");
        assertThatThrownBy(() -> awarded.award(new LeagueBranch.Award("best-party", "2026", null, "org", NOW)))
                .hasMessageContaining("not an award");
        assertThatThrownBy(() -> branch.dissolve().addMember("L", CLUB)).hasMessageContaining("dissolved");
    }

    @Test
    void leadersEstablishTheBranchTheDepartmentRecordsItsAwardsAndEveryChangeIsAnEvent() {
        String clubId = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/clubs", """
                {"name":"团学社 %s","category":"volunteering","foundedOn":"2015-09-01","leaderName":"李雷",
                 "leaderStudentNumber":"%s","contact":"c@example.edu","memberStudentNumbers":["%s","%s","%s"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), Persona.LEADER.subject(), Persona.MEMBER.subject(),
                        Persona.STUDENT.subject(), Persona.OTHER_LEADER.subject())).json().get("id").asString();
        String path = "/api/clubs/" + clubId + "/league-branch";
        String establishment = "{\"secretary\":\"" + Persona.MEMBER.subject() + "\",\"members\":[\""
                + Persona.STUDENT.subject() + "\",\"" + Persona.OTHER_LEADER.subject() + "\"]}";
        assertThat(Persona.MEMBER.on(app()).postJson(path, establishment).status()).as("leaders establish").isEqualTo(403);
        HttpProbe.Response established = Persona.LEADER.on(app()).postJson(path, establishment);
        assertThat(established.status()).as(established.body()).isEqualTo(201);
        assertThat(Persona.LEADER.on(app()).postJson(path, establishment).status()).isEqualTo(409);

        HttpProbe.Response awarded = Persona.ORGANIZATION_HEAD.on(app()).postJson(path + "/awards",
                "{\"award\":\"red-flag-branch\",\"year\":\"2026\"}");
        assertThat(awarded.status()).as(awarded.body()).isEqualTo(200);
        assertThat(Persona.LEADER.on(app()).postJson(path + "/awards", "{\"award\":\"red-flag-branch\",\"year\":\"2027\"}")
                .status()).as("the department awards").isEqualTo(403);
        assertThat(Persona.MEMBER.on(app()).send(new HttpCall("DELETE", path + "/members/" + Persona.STUDENT.subject(),
                null, null)).status()).as("the secretary keeps members, but three is the minimum").isEqualTo(409);
        assertThat(Persona.STUDENT.on(app()).get(path).json().get("awards").get(0).get("award").asString())
                .isEqualTo("red-flag-branch");

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            assertThat(probe.awaitAtLeast(s -> ("branch-" + clubId).equals(s.key()), 2, Duration.ofSeconds(20))
                    .get(1).payload()).contains("red-flag-branch 2026");
        }
    }
}
