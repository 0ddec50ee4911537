package org.federation.club.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.BadInputs;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ClubServiceTest
class ClubRegistrationTest extends EmbeddedBackboneProperties {

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper json;

    HttpProbe http;

    @BeforeEach
    void setUp() {
        http = Persona.ORGANIZATION_MEMBER.on(HttpProbe.onPort(port));
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String clubJson(String name, String category) {
        return """
                {"name":"%s","category":"%s","foundedOn":"2015-09-01","leaderName":"李雷",
                 "leaderStudentNumber":"2023010001","contact":"club@example.edu"}""".formatted(name, category);
    }

    @Test
    void registeringAnExistingClubAnswers201AndPublishesEstablishedWithTheSnapshot() {
        String name = unique("摄影协会");
        HttpProbe.Response response = http.postJson("/api/clubs", clubJson(name, "arts-culture"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode club = response.json();
        String id = club.get("id").asString();
        assertThat(club.get("name").asString()).isEqualTo(name);
        assertThat(club.get("category").asString()).isEqualTo("arts-culture");
        assertThat(club.get("state").asString()).isEqualTo("active");
        assertThat(club.get("foundedOn").asString()).isEqualTo("2015-09-01");
        JsonNode publicView = HttpProbe.onPort(port).get("/api/clubs/" + id).json();
        assertThat(publicView.get("name").asString()).isEqualTo(name);
        assertThat(publicView.at("/leaders/0/name").asString()).isEqualTo("李雷");
        assertThat(publicView.toString()).as("the public directory shows no student numbers").doesNotContain("2023010001");
        assertThat(mongo.findById(id, org.bson.Document.class, "clubs").getString("enteredBy"))
                .isEqualTo(Persona.ORGANIZATION_MEMBER.subject());

        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events")) {
            TopicProbe.Seen event = probe.await(s -> id.equals(s.key()), Duration.ofSeconds(20)).get(0);
            assertThat(event.type()).isEqualTo("org.federation.club.established.v1");
            assertThat(event.headers()).containsEntry("ce_subject", id).containsEntry("ce_source", "/club-service")
                    .containsEntry("sequence", "1")
                    .containsEntry("ce_actor", Persona.ORGANIZATION_MEMBER.subject());
            JsonNode payload = json.readTree(event.payload());
            assertThat(payload.get("origin").asString()).isEqualTo("imported");
            assertThat(payload.at("/club/name").asString()).isEqualTo(name);
            assertThat(payload.at("/club/leaders/0/studentNumber").asString()).isEqualTo("2023010001");
            assertThat(payload.at("/club/leaders/0/role").asString()).isEqualTo("president");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                mongo.findById(id, org.bson.Document.class, "clubs").getList("pendingEvents", Object.class).isEmpty());
    }

    @Test
    void thePublicDirectoryFindsClubsByAnyPartOfTheirNameAndCategory() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = http.postJson("/api/clubs", clubJson("Kite Flyers (风筝) " + marker, "sports")).json().get("id").asString();
        HttpProbe anonymous = HttpProbe.onPort(port);
        assertThat(anonymous.get("/api/clubs?q=" + marker.toUpperCase()).json().get("items").valueStream()
                .map(c -> c.get("id").asString())).containsExactly(id);
        assertThat(anonymous.get("/api/clubs?q=" + BadInputs.encode("(风筝) " + marker) + "&category=sports").json()
                .get("totalItems").asInt()).isEqualTo(1);
        assertThat(anonymous.get("/api/clubs?q=" + marker + "&category=arts-culture").json().get("totalItems").asInt())
                .isZero();
        assertThat(anonymous.get("/api/clubs?q=" + BadInputs.encode(".*(")).status()).as("no pattern syntax").isEqualTo(200);
    }

    @Test
    void aDuplicateNameIsRefusedWith409AndCreatesNothing() {
        String name = unique("网球协会");
        assertThat(http.postJson("/api/clubs", clubJson(name, "sports")).status()).isEqualTo(201);
        long before = mongo.getCollection("clubs").countDocuments();

        HttpProbe.Response again = http.postJson("/api/clubs", clubJson("  " + name.toUpperCase() + " ", "sports"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asString()).contains("already exists");
        assertThat(mongo.getCollection("clubs").countDocuments()).isEqualTo(before);
    }

    @Autowired
    org.federation.platform.domain.BusinessClock businessClock;

    @Test
    void aClubFoundedTodayInBusinessTimeOnTheFederationsCalendarIsNotFoundedInTheFuture() {
        Duration offset = businessClock.offset();
        try {
            // business time three days ahead (as on the local platform): "today" is a date the JVM's clock has not reached
            businessClock.advance(Duration.ofDays(3));
            java.time.LocalDate today = org.federation.platform.domain.FederationCalendar.dayOf(businessClock.instant());

            HttpProbe.Response foundedToday = http.postJson("/api/clubs",
                    clubJson(unique("今日社"), "sports").replace("2015-09-01", today.toString()));
            assertThat(foundedToday.status()).as(foundedToday.body()).isEqualTo(201);
            assertThat(foundedToday.json().get("foundedOn").asString()).isEqualTo(today.toString());

            HttpProbe.Response tomorrow = http.postJson("/api/clubs",
                    clubJson(unique("明日社"), "sports").replace("2015-09-01", today.plusDays(1).toString()));
            assertThat(tomorrow.status()).isEqualTo(400);
            assertThat(tomorrow.json().get("detail").asString()).contains("foundedOn", "future");
        } finally {
            businessClock.rewindForTests(offset);
        }
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndChangesNothing() {
        long before = mongo.getCollection("clubs").countDocuments();

        HttpProbe.Response unknownCategory = http.postJson("/api/clubs", clubJson(unique("x"), "cooking"));
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().get("detail").asString()).contains("category");

        HttpProbe.Response missing = http.postJson("/api/clubs", "{\"name\":\"only a name\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").toString()).contains("leaderName", "category", "foundedOn", "contact");

        HttpProbe.Response badDate = http.postJson("/api/clubs", clubJson(unique("y"), "sports").replace("2015-09-01", "01/09/2015"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("detail").asString()).contains("foundedOn");

        HttpProbe.Response malformed = http.postJson("/api/clubs", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        HttpProbe.Response future = http.postJson("/api/clubs", clubJson(unique("z"), "sports").replace("2015-09-01", "2999-01-01"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asString()).contains("foundedOn", "future");

        HttpProbe.Response tooLarge = http.postJson("/api/clubs", BadInputs.oversizedBody());
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");

        HttpProbe.Response wrongMediaType = http.post("/api/clubs", "text/plain", "hello");
        assertThat(wrongMediaType.status()).isEqualTo(415);

        assertThat(http.get("/api/clubs/no-such-club").status()).isEqualTo(404);
        assertThat(http.get("/api/clubs?size=1000").status()).isEqualTo(400);
        assertThat(mongo.getCollection("clubs").countDocuments()).isEqualTo(before);
    }

    @Test
    void aCsvImportWithABadRowImportsNothingAndNamesEveryBadRowWithItsReason() {
        String taken = unique("歌唱协会");
        assertThat(http.postJson("/api/clubs", clubJson(taken, "arts-culture")).status()).isEqualTo(201);
        String good = unique("孝行社");
        long before = mongo.getCollection("clubs").countDocuments();
        String csv = String.join("\n",
                "name,category,foundedOn,leaderName,leaderStudentNumber,contact",
                good + ",volunteering,2017-03-01,赵敏,2023060002,xiao@example.edu",
                taken + ",arts-culture,2016-01-01,钱多,2023070001,sing@example.edu",
                unique("Cooking") + ",cooking,2019-10-10,周,2023090001,c@example.edu",
                ",sports,2019-10-10,周,2023090002,c@example.edu",
                unique("Bad date") + ",sports,10/10/2019,周,2023090003,c@example.edu",
                "too,few,columns",
                " " + good.toUpperCase() + " ,sports,2019-10-10,周,2023090004,c@example.edu");

        HttpProbe.Response response = http.post("/api/clubs/import", "text/csv", csv);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> rejected = response.json().get("rejected").valueStream().map(r -> r.get("line").asInt() + ":"
                + r.get("errors").get(0).get("field").asString()).toList();
        assertThat(rejected).containsExactly("3:name", "4:category", "5:name", "6:foundedOn", "7:row", "8:name");
        assertThat(response.json().get("detail").asString()).contains("6 of 7 rows");
        assertThat(mongo.getCollection("clubs").countDocuments()).as("nothing imported").isEqualTo(before);
    }

    @Test
    void aGoodCsvImportCreatesEveryRow() {
        String first = unique("孝行社");
        String second = unique("电子商务社");
        String csv = String.join("\n",
                "name,category,foundedOn,leaderName,leaderStudentNumber,contact",
                first + ",volunteering,2017-03-01,赵敏,2023060002,xiao@example.edu",
                "\"" + second + "\",entrepreneurship,2019-10-10,\"孙, 小\",2023080001,ec@example.edu");

        HttpProbe.Response response = http.post("/api/clubs/import", "text/csv", csv);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("created").asInt()).isEqualTo(2);
        String createdId = report.get("rows").get(1).get("clubId").asString();
        assertThat(http.get("/api/clubs/" + createdId).json().at("/leaders/0/name").asString()).isEqualTo("孙, 小");
    }

    @Test
    void aCsvWithoutTheExpectedHeaderIsRefusedAsAWhole() {
        HttpProbe.Response response = http.post("/api/clubs/import", "text/csv", "club,kind\nA,sports\n");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains("header");
    }

    @Test
    void healthIsUpAndTheApiIsDocumented() {
        // the components (mongo, kafka) show on the management port: OperatorsSeeClubServiceTest
        HttpProbe.Response health = http.get("/actuator/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        HttpProbe.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").has("/api/clubs/import")).isTrue();
        assertThat(docs.json().at("/paths/~1api~1clubs/post/parameters").toString())
                .as("the caller comes from the token, it is no parameter").doesNotContain("\"caller\"");
    }
}
