package org.federation.club.registry.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.Leader;
import org.federation.club.registry.domain.Memberships;
import org.federation.platform.domain.Decision;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A club stored before the club held its membership once still loads and changes. The fixture
 * {@code stored-shapes/club-before-derived-members.json} is a document the code before the change
 * wrote (captured from it, as Extended JSON): it kept the member list next to the membership
 * periods, and the two disagree the way that code let them. A leader who stepped down by an open
 * recruitment (2015000001) is listed without a period; a leader appointed then removed after a
 * handover (2015000031) kept a second, open period. The list was the authority on who is a member.
 */
@ClubServiceTest
class StoredClubShapeTest extends EmbeddedBackboneProperties {

    private static final String LISTED_WITHOUT_PERIOD = "2015000001";
    private static final String REMOVED_WITH_A_STRAY_PERIOD = "2015000031";
    private static final String PRESIDENT = "2015000011";
    private static final Instant LATER = Instant.parse("2025-10-01T08:00:00Z");

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Clubs clubs;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    @Test
    void aClubStoredWithTheMemberListBesideThePeriodsLoadsWithTheSameMembers() throws IOException {
        String id = insertOldShape(true);

        Club club = clubs.find(id).orElseThrow();

        assertThat(club.memberStudentNumbers()).as("the stored list decided who is a member")
                .containsExactly("2015000012", "2015000021", LISTED_WITHOUT_PERIOD);
        assertThat(club.leaders()).extracting(Leader::studentNumber).containsExactly(PRESIDENT);
        assertThat(club.includes(REMOVED_WITH_A_STRAY_PERIOD)).isFalse();
        assertThat(club.memberships().on(LocalDate.of(2025, 9, 30))).extracting(Memberships.Period::studentNumber)
                .as("the roster of a day: the president's own period, and the members")
                .containsExactly(PRESIDENT, "2015000012", "2015000021", LISTED_WITHOUT_PERIOD);
        assertThat(club.memberships().lastEnded(REMOVED_WITH_A_STRAY_PERIOD)).get()
                .satisfies(p -> assertThat(p.how()).isEqualTo("removed"));
        assertThat(club.leadership().pastTerms()).hasSize(2);
        assertThat(club.registrationYear()).isEqualTo("2025-2026");
        assertThat(club.history()).hasSize(5);

        HttpProbe.Response directory = HttpProbe.onPort(port).get("/api/clubs/" + id);
        assertThat(directory.status()).isEqualTo(200);
        assertThat(directory.json().get("memberCount").asInt()).isEqualTo(3);
    }

    @Test
    void aClubStoredWithTheMemberListBesideThePeriodsChangesWithTheNewCode() throws IOException {
        String id = insertOldShape(true);

        Decision<Club> admitted = clubs.change(id, club -> club.admit("2015000041", "钱七", PRESIDENT, LATER));
        Decision<Club> left = clubs.change(id, club -> club.endMembership(LISTED_WITHOUT_PERIOD, "left", "graduated",
                LISTED_WITHOUT_PERIOD, LATER.plusSeconds(60)));

        assertThat(admitted.events()).extracting(e -> e.type()).containsExactly(ClubEventTypes.MEMBER_JOINED);
        assertThat(left.events()).extracting(e -> e.type())
                .as("the member listed without a period can leave (not a 409), and their credentials are revoked")
                .containsExactly(ClubEventTypes.MEMBER_LEFT, ClubEventTypes.CREDENTIAL_REVOKED);
        assertThat(left.state().memberStudentNumbers()).containsExactly("2015000012", "2015000021", "2015000041");

        Document stored = mongo.findById(id, Document.class, "clubs");
        assertThat(stored.getList("memberStudentNumbers", String.class))
                .as("written derived from the periods, for readers of the older shape")
                .containsExactly("2015000012", "2015000021", "2015000041");
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(10L);
        List<Document> periods = stored.getList("membershipPeriods", Document.class);
        assertThat(periods).filteredOn(p -> p.get("leftAt") == null).extracting(p -> p.getString("studentNumber"))
                .as("open periods: the president's and the members'; the stray one is closed")
                .containsExactly(PRESIDENT, "2015000012", "2015000021", "2015000041");
        assertThat(periods).filteredOn(p -> LISTED_WITHOUT_PERIOD.equals(p.getString("studentNumber")))
                .singleElement().satisfies(p -> {
                    assertThat(p.getString("how")).isEqualTo("left");
                    assertThat(p.getString("reason")).isEqualTo("graduated");
                });

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            List<TopicProbe.Seen> events = probe.awaitAtLeast(s -> id.equals(s.key()), 3, Duration.ofSeconds(20));
            assertThat(events).extracting(s -> s.headers().get("sequence"))
                    .as("the sequence continues from the stored document's").containsExactly("11", "12", "13");
            JsonNode joined = json.readTree(events.get(0).payload());
            assertThat(joined.at("/club/memberStudentNumbers").toString())
                    .isEqualTo("[\"2015000012\",\"2015000021\",\"2015000001\",\"2015000041\"]");
        }
    }

    @Test
    void aClubStoredBeforeMembershipPeriodsWereKeptLoadsAndChanges() throws IOException {
        String id = insertOldShape(false);

        Club club = clubs.find(id).orElseThrow();
        assertThat(club.memberStudentNumbers()).containsExactly("2015000012", "2015000021", LISTED_WITHOUT_PERIOD);
        assertThat(club.memberships().periods()).allSatisfy(p -> assertThat(p.joinedOn())
                .as("members from before the platform kept periods").isNull());

        Club changed = clubs.change(id, c -> c.endMembership("2015000012", "removed", null, PRESIDENT, LATER)).state();
        assertThat(changed.memberStudentNumbers()).containsExactly("2015000021", LISTED_WITHOUT_PERIOD);
        assertThat(mongo.findById(id, Document.class, "clubs").getList("membershipPeriods", Document.class))
                .hasSize(3);
    }

    /** Inserts the captured document under a fresh id and name, its events long relayed. */
    private String insertOldShape(boolean withPeriods) throws IOException {
        String id = "stored-" + UUID.randomUUID();
        String raw;
        try (InputStream in = getClass().getResourceAsStream("/stored-shapes/club-before-derived-members.json")) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Document document = Document.parse(raw.replace("${id}", id).replace("${name}", "旧档案社 " + id));
        if (!withPeriods) {
            document.remove("membershipPeriods");
        }
        mongo.insert(document, "clubs");
        return id;
    }
}
