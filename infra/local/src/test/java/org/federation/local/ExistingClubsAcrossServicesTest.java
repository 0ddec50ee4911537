package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The first flow across all four services: existing clubs registered at club-service reach
 * event-service's and finance-service's directories, finance opens their accounts, and the
 * Organization Department finds a notice in its inbox. Replaying every club event changes
 * nothing anywhere.
 */
class ExistingClubsAcrossServicesTest extends AcrossServices {

    static HttpProbe club;
    static HttpProbe event;
    static HttpProbe finance;
    static HttpProbe financeDirectory;
    static HttpProbe notification;

    /** When this class's platform started: the club events it published are the ones after it. */
    static java.time.Instant started;

    @BeforeAll
    static void startPlatform() throws Exception {
        started = java.time.Instant.now();
        startPlatform("e2e-");
        club = signIn("organization-member", HttpProbe.onPort(apps.port("club-service")));
        event = signIn("presidium", HttpProbe.onPort(apps.port("event-service")));
        finance = signIn("finance-head", HttpProbe.onPort(apps.port("finance-service")));
        // finance-service's copy of the club directory is in the Organization Department's remit, not Finance's
        financeDirectory = signIn("organization-member", HttpProbe.onPort(apps.port("finance-service")));
        notification = signIn("organization-head", HttpProbe.onPort(apps.port("notification-service")));
    }


    @Test
    void existingClubsReachEveryServiceOnceEvenWhenEveryEventIsDeliveredAgain() {
        String name = "acmore编程协会 " + UUID.randomUUID().toString().substring(0, 6);
        HttpProbe.Response created = club.postJson("/api/clubs", """
                {"name":"%s","category":"academic-technology","foundedOn":"2015-03-20","leaderName":"王芳",
                 "leaderStudentNumber":"2023020001","contact":"acmore@example.edu"}""".formatted(name));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        HttpProbe.Response imported = club.post("/api/clubs/import", "text/csv", String.join("\n",
                "name,category,foundedOn,leaderName,leaderStudentNumber,contact",
                "歌唱协会 " + id.substring(0, 6) + ",arts-culture,2011-09-01,钱多,2023070001,sing@example.edu",
                "孝行社 " + id.substring(0, 6) + ",volunteering,2013-09-01,周全,2023080001,xiao@example.edu"));
        assertThat(imported.json().get("created").asInt()).isEqualTo(2);
        int expectedClubs = club.get("/api/clubs").json().get("totalItems").asInt();
        assertThat(expectedClubs).as("6 demo clubs and 3 new ones").isEqualTo(9);

        awaitEverywhere(id, name, expectedClubs);

        replayEveryClubEvent();
        String marker = club.postJson("/api/clubs", """
                {"name":"marker %s","category":"other","foundedOn":"2020-01-01","leaderName":"马克",
                 "leaderStudentNumber":"2023099999","contact":"m@example.edu"}""".formatted(id)).json().get("id").asString();
        awaitEverywhere(marker, "marker " + id, expectedClubs + 1);

        assertThat(event.get("/api/clubs").json().get("totalItems").asInt()).isEqualTo(expectedClubs + 1);
        assertThat(financeDirectory.get("/api/clubs").json().get("totalItems").asInt()).isEqualTo(expectedClubs + 1);
        assertThat(finance.get("/api/accounts?clubId=" + id).json().size()).isEqualTo(1);
        assertThat(organizationInbox().get("totalItems").asInt()).isEqualTo(expectedClubs + 1);
        assertThat(organizationInbox().get("items").get(0).get("subjectRef").asString())
                .as("newest first").isEqualTo("club:" + marker);
    }

    @Test
    void demoUsersHaveTheirDemoClubRightsInEveryServiceFromClubServiceFactsAlone() {
        int financePort = apps.port("finance-service");
        int eventPort = apps.port("event-service");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(finance.get("/api/accounts?clubId=club-acmore").json().size()).isEqualTo(1));

        for (String acmorePerson : List.of("acmore-leader", "acmore-member-1", "acmore-member-2")) {
            assertThat(signIn(acmorePerson, HttpProbe.onPort(financePort)).get("/api/accounts?clubId=club-acmore")
                    .status()).as(acmorePerson).isEqualTo(200);
            assertThat(signIn(acmorePerson, HttpProbe.onPort(eventPort)).get("/api/clubs/club-acmore").status())
                    .as(acmorePerson).isEqualTo(200);
        }
        for (String outsider : List.of("tennis-leader", "photography-member-1", "student")) {
            assertThat(signIn(outsider, HttpProbe.onPort(financePort)).get("/api/accounts?clubId=club-acmore").status())
                    .as(outsider).isEqualTo(403);
        }
        assertThat(HttpProbe.onPort(financePort).get("/api/accounts?clubId=club-acmore").status()).isEqualTo(401);
        assertThat(HttpProbe.onPort(apps.port("club-service")).get("/api/clubs/club-acmore").status())
                .as("the public directory needs no token").isEqualTo(200);
    }

    @Test
    void aClubsDissolutionIsSettledByFinanceAndCompletedByClubService() {
        HttpProbe leader = signIn("board-games-leader", HttpProbe.onPort(apps.port("club-service")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(finance.get("/api/accounts?clubId=club-board-games").json().size()).isEqualTo(1));

        HttpProbe.Response requested = leader.postJson("/api/clubs/club-board-games/dissolution",
                "{\"reason\":\"the founders graduated and nobody took over\"}");
        assertThat(requested.status()).as(requested.body()).isEqualTo(200);
        assertThat(requested.json().get("state").asString()).isEqualTo("dissolving");

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(club.get("/api/clubs/club-board-games").json().get("state").asString()).isEqualTo("dissolved");
            assertThat(finance.get("/api/accounts/acct-club-board-games").json().get("state").asString())
                    .isEqualTo("settled");
            assertThat(event.get("/api/clubs/club-board-games").json().get("state").asString()).isEqualTo("dissolved");
        });
        JsonNode history = club.get("/api/clubs/club-board-games/lifecycle").json().get("history");
        assertThat(history.valueStream().map(t -> t.get("action").asString()))
                .containsExactly("establish", "request-dissolution", "complete-dissolution");
        assertThat(history.get(2).get("reason").asString()).contains("acct-club-board-games settled");
    }

    /**
     * From a budget request on an activity to a statement that shows the spending: event-service's
     * request (published here as event-service will), the Finance Department's approval, the club
     * leader's expense claim with its receipt, and the month's statement of the club's account.
     */
    @Test
    void aBudgetRequestIsApprovedSpentAndTheSpendingShowsOnTheClubsPublishedStatement() {
        HttpProbe acmoreLeader = signIn("acmore-leader", HttpProbe.onPort(apps.port("finance-service")));
        HttpProbe acmoreMember = signIn("acmore-member-1", HttpProbe.onPort(apps.port("finance-service")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(finance.get("/api/accounts/acct-club-acmore").status()).isEqualTo(200));
        String activity = "activity-" + UUID.randomUUID();
        java.time.YearMonth lastMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1);
        String spentOn = lastMonth.atDay(15).toString();

        try (org.federation.platform.testing.RawEvents raw = new org.federation.platform.testing.RawEvents(
                EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("activity.events", org.federation.platform.testing.RawEvents.envelope(
                    "org.federation.activity.budget-requested.v1", "/event-service", activity, 1, """
                            {"activityId":"%s","title":"算法竞赛训练营","clubId":"club-acmore","amountFen":30000,
                             "purpose":"venue and prizes","requestedBy":"2023020001"}""".formatted(activity)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(finance.get("/api/budgets/" + activity).status()).isEqualTo(200));
        HttpProbe.Response approved = finance.postJson("/api/budgets/" + activity + "/approval",
                "{\"approvedFen\":20000,\"note\":\"prizes from sponsorship\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        HttpProbe.Response claimed = acmoreLeader.postJson("/api/budgets/" + activity + "/claims", """
                {"amountFen":12000,"category":"venue","description":"lab rental for the training camp",
                 "payee":"计算机学院","spentOn":"%s","receipt":{"number":"FP-0042","issuedOn":"%s","issuer":"计算机学院"}}"""
                .formatted(spentOn, spentOn));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
        assertThat(claimed.json().at("/budget/remainingFen").asLong()).isEqualTo(8000);
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "finance.events")) {
            assertThat(probe.await(s -> activity.equals(s.key())
                    && "org.federation.finance.activity-spending-changed.v1".equals(s.type()), Duration.ofSeconds(30)))
                    .isNotEmpty();
        }

        HttpProbe.Response published = finance.postJson("/api/accounts/acct-club-acmore/statements",
                "{\"period\":\"" + lastMonth + "\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        JsonNode statement = acmoreMember.get("/api/accounts/acct-club-acmore/statements/" + lastMonth).json();
        JsonNode spending = statement.get("entries").valueStream()
                .filter(e -> e.get("kind").asString().equals("expense-claim")).findFirst().orElseThrow();
        assertThat(spending.get("outFen").asLong()).isEqualTo(12000);
        assertThat(spending.get("category").asString()).isEqualTo("venue");
        assertThat(spending.get("description").asString()).contains("算法竞赛训练营").contains("FP-0042");
        assertThat(statement.get("spendingFen").asLong()).isGreaterThanOrEqualTo(12000);
        assertThat(acmoreMember.get("/api/accounts/acct-club-acmore/statements/" + lastMonth + "/csv").body())
                .contains("lab rental for the training camp").contains(",12000,");
        assertThat(acmoreMember.get("/api/accounts/acct-club-acmore/statement-chains/month").json().get("valid")
                .asBoolean()).isTrue();
    }

    private void awaitEverywhere(String id, String name, int clubs) {
        // until finance-service knows the club its answer is a problem without "name": wait, don't fail on it
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreException(NullPointerException.class).untilAsserted(() -> {
            assertThat(event.get("/api/clubs/" + id).status()).isEqualTo(200);
            assertThat(financeDirectory.get("/api/clubs/" + id).json().get("name").asString()).isEqualTo(name);
            assertThat(finance.get("/api/accounts?clubId=" + id).json().size()).isEqualTo(1);
            assertThat(organizationInbox().get("items").valueStream().map(n -> n.get("subjectRef").asString()))
                    .contains("club:" + id);
            assertThat(event.get("/api/clubs").json().get("totalItems").asInt()).isEqualTo(clubs);
            assertThat(organizationInbox().get("totalItems").asInt()).isEqualTo(clubs);
        });
        assertThat(organizationInbox().get("items").valueStream().map(n -> n.get("title").asString()))
                .contains("Club established: " + name);
    }

    private static JsonNode organizationInbox() {
        return notification.get("/api/inbox?recipient=department:organization&kind=club-established&size=100").json();
    }

    /**
     * Sends every record this platform published on club.events again, headers and all, as a
     * redelivery would. Other test classes' platforms share the broker and published the demo
     * clubs too, as other events (other ids): replaying those would be news, not a redelivery.
     */
    private static void replayEveryClubEvent() {
        String kafka = EmbeddedBackbone.get().kafkaBootstrapServers();
        try (TopicProbe probe = new TopicProbe(kafka, "club.events");
             KafkaProducer<String, String> producer = new KafkaProducer<>(
                     java.util.Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                     new StringSerializer(), new StringSerializer())) {
            List<TopicProbe.Seen> all = probe.drain(Duration.ofSeconds(3)).stream().filter(seen -> seen.headers()
                    .get("ce_time") != null && !java.time.Instant.parse(seen.headers().get("ce_time")).isBefore(started)).toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(9);
            for (TopicProbe.Seen seen : all) {
                ProducerRecord<String, String> record = new ProducerRecord<>("club.events", seen.key(), seen.payload());
                seen.headers().forEach((k, v) -> record.headers().add(new RecordHeader(k,
                        v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                producer.send(record);
            }
            producer.flush();
        }
    }
}
