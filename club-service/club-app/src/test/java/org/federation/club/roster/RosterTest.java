package org.federation.club.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The federation's roster and liaison officers, published as roster-changed and in club snapshots. */
@ClubServiceTest
class RosterTest extends EmbeddedBackboneProperties {

    @Autowired
    JsonMapper json;

    private static String person() {
        return "20229" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 5);
    }

    private static String personJson(String number, String name) {
        return "{\"studentNumber\":\"" + number + "\",\"name\":\"" + name + "\"}";
    }

    private JsonNode lastRoster(TopicProbe probe, String department, String mustContain) {
        List<TopicProbe.Seen> seen = probe.awaitAtLeast(s -> department.equals(s.key())
                && s.payload().contains(mustContain), 1, Duration.ofSeconds(20));
        return json.readTree(seen.get(seen.size() - 1).payload());
    }

    @Test
    void aHeadWhoseTokenSaysSoIsNamedOnTheRosterOnceTheyKeepIt() {
        String head = person();
        String member = person();
        HttpProbe tokenHead = app().with("Authorization", "Bearer " + org.federation.platform.testing.TestTokens.issuer()
                .tokenFor(head, "财务部长", List.of("DEPARTMENT_HEAD:finance", "STUDENT")));
        HttpProbe.Response added = tokenHead.postJson("/api/departments/finance/members", personJson(member, "财务委员"));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        JsonNode roster = Persona.STUDENT.on(app()).get("/api/departments/finance").json();
        assertThat(roster.at("/head/studentNumber").asString()).as("the roster agrees with the token: " + roster)
                .isEqualTo(head);
        assertThat(roster.at("/head/name").asString()).isEqualTo("财务部长");
        assertThat(roster.at("/members/0/studentNumber").asString()).isEqualTo(member);

        // a head named on the roster stays until the presidium appoints another
        HttpProbe otherTokenHead = app().with("Authorization", "Bearer " + org.federation.platform.testing.TestTokens
                .issuer().tokenFor(person(), "另一位", List.of("DEPARTMENT_HEAD:finance", "STUDENT")));
        assertThat(otherTokenHead.postJson("/api/departments/finance/members", personJson(person(), "z")).status())
                .as("the token still carries the department's rights").isEqualTo(200);
        assertThat(Persona.STUDENT.on(app()).get("/api/departments/finance").json().at("/head/studentNumber").asString())
                .isEqualTo(head);
    }

    @Test
    void thePresidiumAppointsHeadsAndHeadsKeepTheirDepartmentsPeople() {
        String head = person();
        String member = person();
        HttpProbe.Response appointed = Persona.PRESIDIUM.on(app()).send(new HttpCall("PUT",
                "/api/departments/external-relations/head", "application/json", personJson(head, "外联部长")));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(200);
        assertThat(appointed.json().at("/head/studentNumber").asString()).isEqualTo(head);
        assertThat(Persona.ORGANIZATION_HEAD.on(app()).send(new HttpCall("PUT", "/api/departments/external-relations/head",
                "application/json", personJson(person(), "x"))).status()).isEqualTo(403);

        HttpProbe headProbe = app().with("Authorization", "Bearer " + org.federation.platform.testing.TestTokens.issuer()
                .tokenFor(head, "外联部长", List.of("STUDENT")));
        HttpProbe.Response added = headProbe.postJson("/api/departments/external-relations/members",
                "{\"studentNumber\":\"" + member + "\",\"name\":\"外联委员\",\"role\":\"deputy-head\"}");
        assertThat(added.status()).as("the roster's head, though the token says only STUDENT: " + added.body())
                .isEqualTo(200);
        assertThat(Persona.PUBLICITY_MEMBER.on(app()).postJson("/api/departments/external-relations/members",
                personJson(person(), "y")).status()).isEqualTo(403);
        assertThat(Persona.STUDENT.on(app()).get("/api/departments/external-relations").json()
                .at("/deputyHeads/0/studentNumber").asString()).isEqualTo(member);
        assertThat(Persona.STUDENT.on(app()).get("/api/departments/cooking").status()).isEqualTo(404);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            JsonNode roster = lastRoster(probe, "external-relations", member);
            assertThat(probe.drain(Duration.ofMillis(200)).stream().filter(s -> "external-relations".equals(s.key()))
                    .map(TopicProbe.Seen::type).distinct()).containsExactly("org.federation.federation.roster-changed.v1");
            assertThat(roster.at("/head/studentNumber").asString()).isEqualTo(head);
            assertThat(roster.at("/deputyHeads/0/name").asString()).isEqualTo("外联委员");
        }
    }

    @Test
    void liaisonOfficersComeFromTheRosterAndReachTheClubSnapshotAndTheRoster() {
        String officer = person();
        String next = person();
        Persona.PRESIDIUM.on(app()).postJson("/api/departments/organization/members", personJson(officer, "联络员甲"));
        Persona.PRESIDIUM.on(app()).postJson("/api/departments/office/members", personJson(next, "联络员乙"));
        String clubId = ClubLifecycleTest.newClub(app(), "摄影社");

        HttpProbe.Response stranger = Persona.ORGANIZATION_MEMBER.on(app()).send(new HttpCall("PUT",
                "/api/clubs/" + clubId + "/liaison-officer", "application/json", "{\"studentNumber\":\"" + person() + "\"}"));
        assertThat(stranger.status()).as("not on any roster").isEqualTo(422);
        assertThat(Persona.FINANCE_MEMBER.on(app()).send(new HttpCall("PUT", "/api/clubs/" + clubId + "/liaison-officer",
                "application/json", "{\"studentNumber\":\"" + officer + "\"}")).status()).isEqualTo(403);
        HttpProbe.Response assigned = Persona.ORGANIZATION_MEMBER.on(app()).send(new HttpCall("PUT",
                "/api/clubs/" + clubId + "/liaison-officer", "application/json", "{\"studentNumber\":\"" + officer + "\"}"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(Persona.PRESIDIUM.on(app()).send(new HttpCall("DELETE", "/api/departments/organization/members/"
                + officer, null, null)).status()).as("still liaises for a club").isEqualTo(409);

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            JsonNode event = json.readTree(probe.awaitAtLeast(s -> clubId.equals(s.key())
                    && s.type().endsWith("liaison-assigned.v1"), 1, Duration.ofSeconds(20)).get(0).payload());
            assertThat(event.at("/club/liaisonOfficer").asString()).isEqualTo(officer);
            JsonNode roster = lastRoster(probe, "organization", clubId);
            assertThat(roster.get("liaisonOfficers").valueStream()
                    .filter(l -> l.get("studentNumber").asString().equals(officer))
                    .flatMap(l -> l.get("clubIds").valueStream()).map(JsonNode::asString)).containsExactly(clubId);

            Persona.ORGANIZATION_HEAD.on(app()).send(new HttpCall("PUT", "/api/clubs/" + clubId + "/liaison-officer",
                    "application/json", "{\"studentNumber\":\"" + next + "\"}"));
            JsonNode office = lastRoster(probe, "office", clubId);
            assertThat(office.get("liaisonOfficers").toString()).contains(next, clubId);
            JsonNode organization = lastRoster(probe, "organization", "moved to " + next);
            assertThat(organization.get("liaisonOfficers").toString()).doesNotContain(clubId);
        }
        assertThat(Persona.PRESIDIUM.on(app()).send(new HttpCall("DELETE", "/api/departments/organization/members/"
                + officer, null, null)).status()).as("no clubs left").isEqualTo(200);
    }
}
