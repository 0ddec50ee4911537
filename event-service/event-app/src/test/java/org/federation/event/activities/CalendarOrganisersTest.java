package org.federation.event.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The public calendar and its iCalendar feed name the clubs organising each activity (all of them
 * for a joint one), from event-service's own club directory, and nothing else of the clubs: no
 * leader or member appears. Before, they carried only the clubs' ids.
 */
@EventServiceTest
class CalendarOrganisersTest extends EmbeddedBackboneProperties {

    @Autowired
    ClubDirectory directory;

    String club(String name, Persona leader) {
        String id = "club-cal-" + UUID.randomUUID();
        ClubFacts.publishEstablished(id, name, leader.subject(), List.of(Persona.MEMBER.subject(), "2023990077"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(id).isPresent());
        return id;
    }

    static String proposal(Instant start, String clubsJson, String extra) {
        return """
                {"title":"星空观测夜","kind":"lecture","description":"Telescopes provided","start":"%s","end":"%s",
                 "venue":"Roof %s","audience":"public","expectedSize":30,%s%s}"""
                .formatted(start, start.plus(2, ChronoUnit.HOURS), UUID.randomUUID(), clubsJson, extra);
    }

    static Instant farAhead(int days) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(days, ChronoUnit.DAYS).plus(19, ChronoUnit.HOURS);
    }

    String proposeAndPublish(Persona proposer, String body, Persona coOrganiser) {
        HttpProbe.Response proposed = proposer.on(app()).postJson("/api/activities", body);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String id = proposed.json().get("id").asString();
        if (coOrganiser != null) {
            assertThat(coOrganiser.on(app()).postJson("/api/activities/" + id + "/confirmation", "").status()).isEqualTo(200);
        }
        HttpProbe.Response approved = Persona.ORGANIZATION_MEMBER.on(app()).postJson("/api/activities/" + id + "/approval", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    @Test
    void theCalendarAndItsFeedNameEveryOrganisingClubOfAJointActivityAndNoOneInThem() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String astronomy = club("天文社 " + suffix, Persona.LEADER);
        String photography = club("摄影社, 光影 " + suffix, Persona.OTHER_LEADER);
        String joint = proposeAndPublish(Persona.LEADER, proposal(farAhead(300),
                "\"clubs\":[\"" + astronomy + "\",\"" + photography + "\"]", ""), Persona.OTHER_LEADER);

        HttpProbe anyone = Persona.ANONYMOUS.on(app());
        HttpProbe.Response one = anyone.get("/api/calendar/" + joint);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("title").asString()).as("the activity's own fields as before").isEqualTo("星空观测夜");
        assertThat(one.json().get("organiserClubIds")).hasSize(2);
        assertThat(organisers(one.json())).containsExactly(astronomy + "=天文社 " + suffix,
                photography + "=摄影社, 光影 " + suffix);

        HttpProbe.Response page = anyone.get("/api/calendar?club=" + photography);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(organisers(page.json().get("items").get(0))).containsExactly(astronomy + "=天文社 " + suffix,
                photography + "=摄影社, 光影 " + suffix);

        HttpProbe.Response feed = anyone.get("/api/calendar/feed?club=" + astronomy);
        assertThat(feed.status()).isEqualTo(200);
        String unfolded = feed.body().replace("\r\n ", "");
        assertThat(unfolded).contains("DESCRIPTION:Organised by 天文社 " + suffix + " and 摄影社\\, 光影 " + suffix
                + ".\\n\\nTelescopes provided\r\n");

        for (HttpProbe.Response shown : List.of(one, page, feed)) {
            assertThat(shown.body()).as("no leader or member of the clubs")
                    .doesNotContain(Persona.LEADER.subject(), Persona.OTHER_LEADER.subject(), Persona.MEMBER.subject(),
                            "2023990077", "memberStudentNumbers", "leaderStudentNumbers");
        }
    }

    @Test
    void aDepartmentsProgrammeNamesTheDepartmentAndNoClub() {
        String programme = proposeAndPublish(Persona.PUBLICITY_MEMBER, proposal(farAhead(301), "\"clubs\":[]",
                ",\"department\":\"publicity\""), null);
        HttpProbe anyone = Persona.ANONYMOUS.on(app());
        JsonNode shown = anyone.get("/api/calendar/" + programme).json();
        assertThat(shown.get("organisers")).isEmpty();
        assertThat(shown.get("organisingDepartment").asString()).isEqualTo("publicity");
        String day = farAhead(301).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        String feed = anyone.get("/api/calendar/feed?category=federation&from=" + day + "&to=" + day).body()
                .replace("\r\n ", "");
        assertThat(feed).contains("UID:" + programme + "@")
                .contains("DESCRIPTION:Organised by the federation's publicity department.\\n\\nTelescopes provided\r\n");
    }

    @Test
    void datesBeyondFourDigitYearsAreA400NamingTheParameterNotA500() {
        HttpProbe anyone = Persona.ANONYMOUS.on(app());
        for (String query : List.of("to=%2B999999999-12-31", "from=-999999999-01-01", "from=%2B10000-01-01",
                "to=0000-12-31")) {
            for (String path : List.of("/api/calendar?", "/api/calendar/feed?")) {
                HttpProbe.Response refused = anyone.get(path + query);
                assertThat(refused.status()).as(path + query + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body()).contains(query.substring(0, query.indexOf('=')));
            }
        }
        assertThat(anyone.get("/api/calendar?from=0001-01-01&to=9999-12-31").status()).as("the widest range is fine")
                .isEqualTo(200);
    }

    @Test
    void theApiDescriptionShowsTheCalendarsActivitiesWithTheirOrganisers() {
        JsonNode schemas = Persona.ANONYMOUS.on(app()).get("/v3/api-docs").json().get("components").get("schemas");
        JsonNode shown = schemas.get("CalendarActivity").get("properties");
        assertThat(shown.has("title")).as("the snapshot's fields, unwrapped: " + shown).isTrue();
        assertThat(shown.has("organiserClubIds")).isTrue();
        assertThat(shown.has("organisers")).isTrue();
        assertThat(shown.has("activity")).as("no wrapper").isFalse();
    }

    static List<String> organisers(JsonNode activity) {
        List<String> named = new ArrayList<>();
        activity.get("organisers").forEach(o -> named.add(o.get("clubId").asString() + "=" + o.get("name").asString()));
        return named;
    }
}
