package org.federation.club.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.founding.FoundingFixtures;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Collect once, whatever command told the federation a fact (issue 24.2, 24.3, 24.4): what initiators gave in the
 * founding application is in the founded club's profile, set by them from that application; a change made at annual
 * registration is in the as-of history with who, when and from which registration; and a request already pending is
 * answered from the profile as soon as the profile learns a field, from any command.
 */
@ClubServiceTest
class ProfileProvenanceTest extends EmbeddedBackboneProperties {

    private JsonNode ask(String clubId, String fields, int maxAgeDays) {
        HttpProbe.Response opened = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/information-requests", """
                {"department":"organization","title":"organization needs","fields":[%s],"maxAgeDays":%d,
                 "deadline":"%s","clubIds":["%s"]}""".formatted(fields, maxAgeDays,
                Instant.now().plus(Duration.ofDays(14)), clubId));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json();
    }

    private static List<String> asked(JsonNode request) {
        return request.at("/clubs/0/asked").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void whatTheInitiatorsGaveInTheFoundingApplicationIsTheFoundedClubsProfileSetByThemFromIt() {
        String id = FoundingFixtures.qualified(app(), FoundingFixtures.unique("Robotics Club"), FoundingFixtures.INITIATORS);
        // the hearing an hour ahead in business time (its time is checked against the request's arrival)
        Instant at = businessClock.instant().plus(java.time.Duration.ofHours(1));
        HttpProbe.Response scheduled = Persona.ORGANIZATION_HEAD.on(app()).postJson(FoundingFixtures.PATH + "/" + id
                + "/hearing", FoundingFixtures.hearing(at, FoundingFixtures.PANEL));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        passBusinessTime(at);
        HttpProbe.Response last = null;
        for (Persona member : FoundingFixtures.PANEL) {
            last = member.on(app()).postJson(FoundingFixtures.PATH + "/" + id + "/hearing/ballots",
                    FoundingFixtures.ballot("approve", null));
            assertThat(last.status()).as(last.body()).isEqualTo(201);
        }
        assertThat(last.json().get("state").asString()).isEqualTo("established");
        String clubId = last.json().get("clubId").asString();

        JsonNode facts = Persona.ORGANIZATION_MEMBER.on(app()).get("/api/clubs/" + clubId + "/profile").json().get("facts");
        String initiators = String.join(", ", FoundingFixtures.numbers(FoundingFixtures.INITIATORS));
        for (String field : List.of("constitution", "purpose", "facultyAdvisor", "plannedActivities", "contact")) {
            assertThat(facts.at("/" + field + "/setBy").asString()).as(field + ": " + facts).isEqualTo(initiators);
            assertThat(facts.at("/" + field + "/source").asString()).as(field).isEqualTo("founding application " + id);
        }
        assertThat(facts.at("/constitution/value").asString()).startsWith("Article 1.");
        assertThat(facts.at("/plannedActivities/value").asString()).isEqualTo("weekly build night; spring robot contest");
        assertThat(asked(ask(clubId, "\"constitution\",\"purpose\",\"facultyAdvisor\",\"plannedActivities\"", 365)))
                .as("nothing the application said is asked again").isEmpty();
    }

    /** A club (entered a moment ago) registering for a fresh year with a new contact; returns the year. */
    private String registersWithNewContact(String clubId, String contact) {
        String year = ClubLifecycleTest.randomYear();
        assertThat(Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/registration-windows", "{\"academicYear\":\"" + year
                + "\",\"deadline\":\"" + Instant.now().plus(Duration.ofDays(30)) + "\"}").status()).isEqualTo(201);
        HttpProbe.Response registered = Persona.LEADER.on(app()).postJson("/api/clubs/" + clubId + "/registrations/" + year,
                "{\"contact\":\"" + contact + "\"}");
        assertThat(registered.status()).as(registered.body()).isIn(200, 201);
        return year;
    }

    private void afterEntryOf(String clubId) {
        Instant entered = Instant.parse(HttpProbe.onPort(port).get("/api/clubs/" + clubId).json().get("enteredAt").asString());
        passBusinessTime(entered);
    }

    @Test
    void aChangeAtAnnualRegistrationIsInTheAsOfHistoryWithWhoWhenAndWhichRegistration() {
        String clubId = ClubLifecycleTest.newClub(app(), "摄影协会");
        String oldContact = HttpProbe.onPort(port).get("/api/clubs/" + clubId).json().get("contact").asString();
        afterEntryOf(clubId);
        Instant beforeRegistration = businessClock.instant();
        String year = registersWithNewContact(clubId, "photo@new.example.edu");

        JsonNode history = Persona.LEADER.on(app()).get("/api/clubs/" + clubId + "/profile/history?field=contact&asOf="
                + beforeRegistration).json();
        assertThat(history.get("history").size()).as(history.toString()).isGreaterThan(0);
        JsonNode changed = history.get("history").get(history.get("history").size() - 1);
        assertThat(changed.get("value").asString()).isEqualTo("photo@new.example.edu");
        assertThat(changed.get("setBy").asString()).isEqualTo(Persona.LEADER.subject());
        assertThat(changed.get("source").asString()).isEqualTo("registration " + year);
        assertThat(Instant.parse(changed.get("setAt").asString())).isAfterOrEqualTo(beforeRegistration);
        assertThat(history.at("/valueAsOf/value").asString()).as("what the profile said before the registration")
                .isEqualTo(oldContact);
    }

    @Test
    void aRequestAlreadyPendingIsAnsweredFromTheProfileWhenTheClubRegistersTheField() {
        String clubId = ClubLifecycleTest.newClub(app(), "天文协会");
        afterEntryOf(clubId);
        JsonNode pending = ask(clubId, "\"contact\",\"meetingPlace\"", 0);
        assertThat(asked(pending)).as("only today's facts count for this request").containsExactly("contact", "meetingPlace");

        String year = registersWithNewContact(clubId, "stars@new.example.edu");

        JsonNode after = Persona.ORGANIZATION_MEMBER.on(app()).get("/api/information-requests/" + pending.get("id").asString())
                .json();
        assertThat(asked(after)).as("the club is asked only what is still missing: " + after).containsExactly("meetingPlace");
        assertThat(after.at("/clubs/0/fromProfile/contact/value").asString()).isEqualTo("stars@new.example.edu");
        assertThat(after.at("/clubs/0/fromProfile/contact/source").asString()).isEqualTo("registration " + year);
    }
}
