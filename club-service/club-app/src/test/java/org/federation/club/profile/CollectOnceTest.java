package org.federation.club.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The measured goal of the shared profile: two departments ask overlapping questions and the club
 * is asked each field once; what it said once, every department reads.
 */
@ClubServiceTest
class CollectOnceTest extends EmbeddedBackboneProperties {

    private JsonNode ask(Persona who, String department, String clubId, String fields, int maxAgeDays) {
        HttpProbe.Response opened = who.on(app()).postJson("/api/information-requests", """
                {"department":"%s","title":"%s needs","fields":[%s],"maxAgeDays":%d,
                 "deadline":"%s","clubIds":["%s"]}""".formatted(department, department, fields, maxAgeDays,
                Instant.now().plus(Duration.ofDays(14)), clubId));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json();
    }

    private static List<String> asked(JsonNode request) {
        return request.at("/clubs/0/asked").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void twoDepartmentsWithOverlappingQuestionsAskTheClubEachFieldOnce() {
        String clubId = ClubLifecycleTest.newClub(app(), "志愿者协会");
        List<String> everAsked = new ArrayList<>();

        JsonNode publicity = ask(Persona.PUBLICITY_MEMBER, "publicity", clubId,
                "\"contact\",\"meetingPlace\",\"socialAccounts\",\"memberCount\"", 365);
        assertThat(publicity.at("/clubs/0/fromProfile").propertyNames()).containsExactlyInAnyOrder("contact", "memberCount");
        assertThat(asked(publicity)).containsExactly("meetingPlace", "socialAccounts");
        everAsked.addAll(asked(publicity));
        String publicityId = publicity.get("id").asString();

        JsonNode owed = Persona.LEADER.on(app()).get("/api/clubs/" + clubId + "/information-requests").json();
        assertThat(owed.at("/items/0/club/asked").toString()).contains("meetingPlace", "socialAccounts");
        HttpProbe.Response answered = Persona.LEADER.on(app()).postJson("/api/information-requests/" + publicityId
                + "/clubs/" + clubId + "/answers", "{\"answers\":{\"meetingPlace\":\"Student Centre 305\","
                + "\"socialAccounts\":\"WeChat: volunteers\"}}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("complete").asBoolean()).isTrue();

        JsonNode organization = ask(Persona.ORGANIZATION_MEMBER, "organization", clubId,
                "\"meetingPlace\",\"contact\",\"constitution\",\"president\"", 365);
        assertThat(asked(organization)).as("only what nobody supplied yet").containsExactly("constitution");
        assertThat(organization.at("/clubs/0/fromProfile/meetingPlace/value").asString()).isEqualTo("Student Centre 305");
        assertThat(organization.at("/clubs/0/fromProfile/meetingPlace/source").asString())
                .isEqualTo("request:" + publicityId);
        everAsked.addAll(asked(organization));
        assertThat(everAsked).as("no field asked twice").doesNotHaveDuplicates();

        // the profile is in the remit of Organization, Publicity and External Relations (docs/security.md)
        JsonNode profile = Persona.PUBLICITY_MEMBER.on(app()).get("/api/clubs/" + clubId + "/profile").json();
        assertThat(profile.at("/facts/socialAccounts/setBy").asString()).isEqualTo(Persona.LEADER.subject());
        assertThat(profile.at("/facts/memberCount/value").asString()).isEqualTo("1");
    }

    @Test
    void aRequestAlreadyPendingIsAnsweredFromTheProfileAsSoonAsTheClubAnswersAnotherDepartment() {
        String clubId = ClubLifecycleTest.newClub(app(), "书法协会");
        JsonNode publicity = ask(Persona.PUBLICITY_MEMBER, "publicity", clubId, "\"meetingPlace\",\"socialAccounts\"", 365);
        JsonNode organization = ask(Persona.ORGANIZATION_MEMBER, "organization", clubId,
                "\"meetingPlace\",\"constitution\"", 365);
        assertThat(asked(organization)).as("nobody knows either yet").containsExactly("meetingPlace", "constitution");
        String publicityId = publicity.get("id").asString();
        String organizationId = organization.get("id").asString();

        HttpProbe.Response answered = Persona.LEADER.on(app()).postJson("/api/information-requests/" + publicityId
                + "/clubs/" + clubId + "/answers", "{\"answers\":{\"meetingPlace\":\"Library 2F\","
                + "\"socialAccounts\":\"WeChat: calligraphy\"}}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        JsonNode pending = Persona.ORGANIZATION_MEMBER.on(app()).get("/api/information-requests/" + organizationId).json();
        assertThat(asked(pending)).as("the club is asked only what is still missing: " + pending).containsExactly("constitution");
        assertThat(pending.at("/clubs/0/fromProfile/meetingPlace/value").asString()).isEqualTo("Library 2F");
        assertThat(pending.at("/clubs/0/fromProfile/meetingPlace/source").asString()).isEqualTo("request:" + publicityId);
        assertThat(Persona.LEADER.on(app()).postJson("/api/information-requests/" + organizationId + "/clubs/" + clubId
                + "/answers", "{\"answers\":{\"meetingPlace\":\"again\"}}").status())
                .as("not asked any more, so not entered twice").isEqualTo(422);
        HttpProbe.Response rest = Persona.LEADER.on(app()).postJson("/api/information-requests/" + organizationId
                + "/clubs/" + clubId + "/answers", "{\"answers\":{\"constitution\":\"adopted 2024\"}}");
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(rest.json().get("complete").asBoolean()).isTrue();
    }

    @Test
    void aStaleFactIsAskedAgainAndTheAnswerCorrectsTheClubEverywhere() {
        String clubId = ClubLifecycleTest.newClub(app(), "环保社");
        // maxAgeDays 0 counts only what was set from the request's opening on: let the clock pass the club's entry
        Instant entered = Instant.parse(HttpProbe.onPort(port).get("/api/clubs/" + clubId).json().get("enteredAt").asString());
        passBusinessTime(entered);
        JsonNode strict = ask(Persona.ORGANIZATION_HEAD, "organization", clubId, "\"contact\"", 0);
        assertThat(asked(strict)).as("a request that accepts nothing older than today's").containsExactly("contact");
        Instant before = businessClock.instant();
        Persona.LEADER.on(app()).postJson("/api/information-requests/" + strict.get("id").asString() + "/clubs/"
                + clubId + "/answers", "{\"answers\":{\"contact\":\"green@new.example.edu\"}}");
        assertThat(HttpProbe.onPort(port).get("/api/clubs/" + clubId).json().get("contact").asString())
                .isEqualTo("green@new.example.edu");
        JsonNode history = Persona.LEADER.on(app()).get("/api/clubs/" + clubId + "/profile/history?field=contact&asOf="
                + before).json();
        assertThat(history.path("valueAsOf").isNull() || history.path("valueAsOf").isMissingNode())
                .as("nothing supplied before").isTrue();
        assertThat(history.at("/history/0/value").asString()).isEqualTo("green@new.example.edu");
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            assertThat(probe.awaitAtLeast(s -> clubId.equals(s.key()) && s.type().endsWith("profile-amended.v1"), 1,
                    Duration.ofSeconds(20)).get(0).payload()).contains("green@new.example.edu");
            assertThat(probe.awaitAtLeast(s -> ("profile-" + clubId).equals(s.key()), 1, Duration.ofSeconds(20)))
                    .extracting(TopicProbe.Seen::type).containsOnly("org.federation.club.profile-updated.v1");
        }
    }

    @Test
    void onlyTheAskingDepartmentAsksAndOnlyTheClubsLeadersAnswer() {
        String clubId = ClubLifecycleTest.newClub(app(), "书法社");
        HttpProbe.Response foreign = Persona.FINANCE_MEMBER.on(app()).postJson("/api/information-requests", """
                {"department":"publicity","title":"x","fields":["contact"],"maxAgeDays":1,"deadline":"%s"}"""
                .formatted(Instant.now().plus(Duration.ofDays(1))));
        assertThat(foreign.status()).isEqualTo(403);
        String id = ask(Persona.PUBLICITY_MEMBER, "publicity", clubId, "\"constitution\"", 30).get("id").asString();
        String path = "/api/information-requests/" + id + "/clubs/" + clubId + "/answers";
        assertThat(Persona.MEMBER.on(app()).postJson(path, "{\"answers\":{\"constitution\":\"x\"}}").status()).isEqualTo(403);
        assertThat(Persona.LEADER.on(app()).postJson(path, "{\"answers\":{\"contact\":\"x\"}}").status()).isEqualTo(422);
        assertThat(Persona.LEADER.on(app()).postJson(path, "{\"answers\":{\"constitution\":\"Art. 1\"}}").status())
                .isEqualTo(200);
        assertThat(Persona.LEADER.on(app()).postJson(path, "{\"answers\":{\"constitution\":\"Art. 2\"}}").status())
                .as("answered already").isEqualTo(409);
    }
}
