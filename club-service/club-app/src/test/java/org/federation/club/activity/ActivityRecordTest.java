package org.federation.club.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.federation.platform.testing.TestTokens;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * club-service keeps each club's activity record from activity.events (event-service does not run
 * here: its events are hand-made): activities held, their reports, who attended; the evaluation
 * derives "activities held" and "report compliance" from it.
 */
@ClubServiceTest
class ActivityRecordTest extends EmbeddedBackboneProperties {

    static final String YEAR = "2024-2025";
    /** 01:00 on 10 October in Beijing (still the 9th in UTC): the evaluation lists it on the 10th. */
    static final String GO_NIGHT = "2024-10-09T17:00:00Z";

    static String snapshot(String id, String title, String start, String end, List<String> clubs, String state) {
        return """
                {"id":"%s","title":"%s","kind":"lecture","start":"%s","end":"%s","venue":"Hall A","audience":"public",
                 "organiserClubIds":[%s],"category":"sports","state":"%s"}""".formatted(id, title, start, end,
                clubs.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(",")), state);
    }

    static void send(String type, String key, long sequence, String json) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("activity.events", RawEvents.envelope(type, "/event-service", key, sequence, json));
        }
    }

    static void published(String id, String title, String start, List<String> clubs) {
        send(ActivityEventTypes.PUBLISHED, id, 1, "{\"activity\":" + snapshot(id, title, start, plusHours(start), clubs,
                "approved") + "}");
    }

    static void attendance(String id, String title, String start, List<String> clubs, long sequence, List<String> who) {
        send(ActivityEventTypes.ATTENDANCE_PUBLISHED, id, sequence, "{\"activity\":" + snapshot(id, title, start,
                plusHours(start), clubs, "approved") + ",\"attendance\":" + who.size() + ",\"walkIns\":0,\"attendees\":["
                + who.stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(",")) + "]}");
    }

    static void report(String id, String title, String start, List<String> clubs, long sequence, boolean late) {
        send(ActivityEventTypes.REPORT_SUBMITTED, id, sequence, "{\"activity\":" + snapshot(id, title, start,
                plusHours(start), clubs, "approved") + ",\"summary\":\"s\",\"links\":[],\"attendance\":3,\"late\":" + late + "}");
    }

    static void overdue(String id, String title, String start, List<String> clubs, long sequence) {
        send(ActivityEventTypes.REPORT_OVERDUE, id, sequence, "{\"activity\":" + snapshot(id, title, start,
                plusHours(start), clubs, "approved") + ",\"dueAt\":\"" + Instant.parse(start).plus(Duration.ofDays(15)) + "\"}");
    }

    static String plusHours(String start) {
        return Instant.parse(start).plus(Duration.ofHours(2)).toString();
    }

    private HttpProbe evaluator() {
        return app().with("Authorization", "Bearer " + TestTokens.tokenFor("2022030002", List.of("DEPARTMENT:evaluation")));
    }

    @Test
    void heldActivitiesReportsAndAttendanceComeFromActivityEventsAndFeedTheEvaluation() {
        String club = ClubLifecycleTest.newClub(app(), "棋社");
        String other = ClubLifecycleTest.newClub(app(), "桥牌社");
        String member = Persona.MEMBER.subject();
        String student = Persona.STUDENT.subject();
        List<String> own = List.of(club);
        String onTime = "act-" + UUID.randomUUID();
        String late = "act-" + UUID.randomUUID();
        String missing = "act-" + UUID.randomUUID();
        String cancelled = "act-" + UUID.randomUUID();
        String joint = "act-" + UUID.randomUUID();
        String moved = "act-" + UUID.randomUUID();

        published(onTime, "Go night", GO_NIGHT, own);
        attendance(onTime, "Go night", GO_NIGHT, own, 2, List.of(member, student, "2094000001"));
        report(onTime, "Go night", GO_NIGHT, own, 3, false);
        published(late, "Chess clinic", "2025-03-01T10:00:00Z", own);
        overdue(late, "Chess clinic", "2025-03-01T10:00:00Z", own, 2);
        report(late, "Chess clinic", "2025-03-01T10:00:00Z", own, 3, true);
        attendance(late, "Chess clinic", "2025-03-01T10:00:00Z", own, 4, List.of(student));
        published(missing, "Xiangqi cup", "2025-05-01T10:00:00Z", own);
        overdue(missing, "Xiangqi cup", "2025-05-01T10:00:00Z", own, 2);
        published(cancelled, "Rained off", "2025-04-01T10:00:00Z", own);
        send(ActivityEventTypes.CANCELLED, cancelled, 2, "{\"activity\":" + snapshot(cancelled, "Rained off",
                "2025-04-01T10:00:00Z", "2025-04-01T12:00:00Z", own, "cancelled") + ",\"reason\":\"rain\"}");
        published(joint, "Joint night", "2025-06-01T10:00:00Z", List.of(other, club));
        attendance(joint, "Joint night", "2025-06-01T10:00:00Z", List.of(other, club), 2, List.of(member));
        published(moved, "Moved on", "2024-11-01T10:00:00Z", own);
        send(ActivityEventTypes.CHANGED, moved, 2, "{\"activity\":" + snapshot(moved, "Moved on", "2025-09-15T10:00:00Z",
                "2025-09-15T12:00:00Z", own, "approved") + ",\"change\":\"time\"}");
        send(ActivityEventTypes.BUDGET_REQUESTED, moved, 3, "{\"activityId\":\"" + moved + "\",\"amountFen\":100}");
        // redeliveries and an older event arriving again change nothing; a marker after them on the same key
        published(onTime, "Go night", GO_NIGHT, own);
        attendance(onTime, "Go night", GO_NIGHT, own, 2, List.of(member, student, "2094000001"));
        attendance(onTime, "Go night", GO_NIGHT, own, 4, List.of(member, student, "2094000001", "2094000002"));

        String record = "/api/clubs/" + club + "/activity-record?year=" + YEAR;
        JsonNode year = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Persona.LEADER.on(app()).get(record)
                .json(), r -> r.get("held").size() == 4 && reportOf(r, late).equals("submitted")
                && r.get("held").get(0).get("attendees").size() == 4 && reportOf(r, missing).equals("overdue"));
        assertThat(year.get("held").findValuesAsString("id")).containsExactly(onTime, late, missing, joint);
        assertThat(reportOf(year, onTime)).as("the older published event did not undo the report").isEqualTo("submitted");
        assertThat(year.get("held").get(0).get("reportLate").asBoolean()).isFalse();
        assertThat(year.get("held").get(1).get("reportLate").asBoolean()).isTrue();

        String path = "/api/clubs/" + club + "/members/" + member + "/attendance?year=" + YEAR;
        JsonNode mine = Persona.MEMBER.on(app()).get(path).json();
        assertThat(mine.get("held").asInt()).isEqualTo(4);
        assertThat(mine.get("attendedCount").asInt()).isEqualTo(2);
        assertThat(mine.get("attended").findValuesAsString("activityId")).containsExactly(onTime, joint);
        JsonNode theirs = Persona.LEADER.on(app()).get("/api/clubs/" + club + "/members/" + student + "/attendance?year="
                + YEAR).json();
        assertThat(theirs.get("attended").findValuesAsString("title")).containsExactly("Go night", "Chess clinic");
        assertThat(Persona.LEADER.on(app()).get("/api/clubs/" + other + "/members/" + member + "/attendance?year=" + YEAR)
                .json().get("attendedCount").asInt()).as("the joint activity counts for both clubs").isEqualTo(1);
        assertThat(Persona.MEMBER.on(app()).get("/api/clubs/" + club + "/members/" + student + "/attendance").status())
                .as("a member sees only their own").isEqualTo(403);
        assertThat(Persona.MEMBER.on(app()).get(record).status()).isEqualTo(403);
        assertThat(Persona.LEADER.on(app()).get(path.replace(YEAR, "2024")).status()).isEqualTo(422);
        assertThat(Persona.LEADER.on(app()).get("/api/clubs/no-such-club/members/" + member + "/attendance").status())
                .isEqualTo(404);
        assertThat(Persona.LEADER.on(app()).get("/api/clubs/" + club + "/activity-record?year=2023-2024").json()
                .get("held").size()).isZero();

        HttpProbe.Response draft = evaluator().send(new HttpCall("PUT", "/api/clubs/" + club + "/evaluations/" + YEAR,
                "application/json", "{\"scores\":{\"department-assessment\":{\"score\":70,\"reason\":\"r\"}}}"));
        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        JsonNode held = draft.json().get("scores").get(3);
        assertThat(held.get("criterion").asString()).isEqualTo("activities-held");
        assertThat(held.get("score").asInt()).isEqualTo(100);
        assertThat(held.get("reason").asString()).startsWith("4 activities held in 2024-2025 (4 expected): Go night (2024-10-10)");
        JsonNode reports = draft.json().get("scores").get(4);
        assertThat(reports.get("score").asInt()).isEqualTo(50);
        assertThat(reports.get("reason").asString())
                .isEqualTo("1 on time, 1 late, 1 overdue of 3 summary reports due for 2024-2025; 1 not due yet");
        assertThat(evaluator().send(new HttpCall("PUT", "/api/clubs/" + club + "/evaluations/" + YEAR, "application/json",
                "{\"scores\":{\"department-assessment\":{\"score\":70,\"reason\":\"r\"},\"activities-held\":{\"score\":1,"
                        + "\"reason\":\"r\"}}}")).status()).as("derived, not entered").isEqualTo(422);
    }

    private static String reportOf(JsonNode year, String id) {
        for (JsonNode a : year.get("held")) {
            if (id.equals(a.get("id").asString())) {
                return a.path("report").asString("");
            }
        }
        return "";
    }

    @Test
    void activityEventsThatCannotBeTrustedGoToTheDeadLetterTopic() {
        String garbage = "act-" + UUID.randomUUID();
        String wrongKey = "act-" + UUID.randomUUID();
        String noAttendees = "act-" + UUID.randomUUID();
        send(ActivityEventTypes.PUBLISHED, garbage, 1, "\"only a string\"");
        send(ActivityEventTypes.PUBLISHED, wrongKey, 1, "{\"activity\":" + snapshot("act-other", "t", "2025-01-01T00:00:00Z",
                "2025-01-01T01:00:00Z", List.of("c"), "approved") + "}");
        send(ActivityEventTypes.ATTENDANCE_PUBLISHED, noAttendees, 2, "{\"activity\":" + snapshot(noAttendees, "t",
                "2025-01-01T00:00:00Z", "2025-01-01T01:00:00Z", List.of("c"), "approved") + ",\"attendance\":1,\"walkIns\":0}");
        try (TopicProbe dlq = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(),
                "activity.events.club-service.dlq")) {
            assertThat(dlq.await(s -> garbage.equals(s.key()), Duration.ofSeconds(30)).get(0).headers()
                    .get("x-exception-message")).contains("activity.published");
            assertThat(dlq.await(s -> wrongKey.equals(s.key()), Duration.ofSeconds(30)).get(0).headers()
                    .get("x-exception-message")).contains("keyed by");
            assertThat(dlq.await(s -> noAttendees.equals(s.key()), Duration.ofSeconds(30)).get(0).headers()
                    .get("x-exception-message")).contains("attendees");
        }
    }
}
