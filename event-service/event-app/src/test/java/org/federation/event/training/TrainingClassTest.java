package org.federation.event.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.activities.domain.Activities;
import org.federation.event.activities.domain.Activity;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.report.SummaryReportTest;
import org.federation.platform.domain.Decision;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.TestTokens;
import org.federation.platform.testing.TopicProbe;
import org.federation.platform.web.CsvTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Training classes through HTTP: opening a class, enrolling and withdrawing trainees, the roster,
 * attendance and its rate, sign-in sheets and seating charts as PDF and CSV, and who may do what.
 */
@EventServiceTest
public class TrainingClassTest extends EmbeddedBackboneProperties {

    static final String ACROSS = "club-tc-across-" + UUID.randomUUID();
    static final String PHOTO = "club-tc-photo-" + UUID.randomUUID();

    @Autowired
    ClubDirectory directory;

    @Autowired
    Activities activities;

    HttpProbe organiser;

    @BeforeEach
    void clubs() {
        if (directory.find(ACROSS).isEmpty() || directory.find(PHOTO).isEmpty()) {
            ClubFacts.publishEstablished(ACROSS, "疯狂英语协会", "2098000001", List.of());
            ClubFacts.publishEstablished(PHOTO, "摄影协会", "2098000002", List.of());
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> directory.find(ACROSS).isPresent() && directory.find(PHOTO).isPresent());
        }
        organiser = Persona.ORGANIZATION_MEMBER.on(app());
    }

    /** A class body: the organization department's, two sessions (the second with a 3 × 4 layout). */
    public static String classBody(String department, int capacity, String activityId) {
        return classBody(department, capacity, activityId, 30);
    }

    /** A class body whose first session starts {@code days} from today (negative: a class that has ended). */
    public static String classBody(String department, int capacity, String activityId, int days) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(days, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS);
        return """
                {"title":"未来管理者培训班 2026","capacity":%d,%s%s
                 "sessions":[{"start":"%s","end":"%s","venue":"Library 101","topic":"领导力 Leadership"},
                             {"start":"%s","end":"%s","venue":"Hall B","topic":"Finance, budgets","rows":3,"seatsPerRow":4}]}"""
                .formatted(capacity, department == null ? "" : "\"department\":\"" + department + "\",",
                        activityId == null ? "" : "\"activityId\":\"" + activityId + "\",",
                        start, start.plus(2, ChronoUnit.HOURS), start.plus(7, ChronoUnit.DAYS),
                        start.plus(7, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS));
    }

    public static String enrolment(String studentNumber, String name, String clubId, String team) {
        return JSON.writeValueAsString(team == null
                ? java.util.Map.of("studentNumber", studentNumber, "name", name, "clubId", clubId)
                : java.util.Map.of("studentNumber", studentNumber, "name", name, "clubId", clubId, "team", team));
    }

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    String opened(int capacity) {
        HttpProbe.Response created = organiser.postJson("/api/training-classes", classBody("organization", capacity, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    void enrol(String base, String studentNumber, String name, String club, String team) {
        HttpProbe.Response r = organiser.postJson(base + "/trainees", enrolment(studentNumber, name, club, team));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    static HttpProbe.Response put(HttpProbe probe, String path, String json) {
        return probe.send(new HttpCall("PUT", path, "application/json", json));
    }

    /** A download as bytes (the probe reads text), with its content type. */
    HttpProbe.Download download(Persona persona, String path) {
        return persona.on(app()).download(path);
    }

    @Test
    void anOrganiserOpensAClassAndEnrolsTraineesOnceEachWithinTheCapacity() {
        HttpProbe.Response created = organiser.postJson("/api/training-classes", classBody("organization", 3, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode tc = created.json();
        assertThat(tc.get("organiser").asString()).isEqualTo("organization");
        assertThat(tc.get("sessions")).hasSize(2);
        assertThat(tc.get("sessions").get(1).get("number").asInt()).isEqualTo(2);
        String base = "/api/training-classes/" + tc.get("id").asString();

        enrol(base, "2026100001", "王小明", ACROSS, "Team A");
        HttpProbe.Response again = organiser.postJson(base + "/trainees", enrolment("2026100001", "王小明", PHOTO, null));
        assertThat(again.status()).as("a duplicate").isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        HttpProbe.Response unknownClub = organiser.postJson(base + "/trainees", enrolment("2026100002", "李四", "club-nowhere", null));
        assertThat(unknownClub.status()).isEqualTo(422);
        assertThat(unknownClub.body()).contains("club-nowhere");
        enrol(base, "2026100002", "李四", PHOTO, null);
        enrol(base, "2026100003", "Smith, \"Jr\"", PHOTO, "Team B");
        assertThat(organiser.postJson(base + "/trainees", enrolment("2026100004", "赵六", ACROSS, null)).status())
                .as("full").isEqualTo(409);

        JsonNode roster = organiser.get(base + "/trainees?size=2").json();
        assertThat(roster.get("totalItems").asLong()).as("nothing half-written by the refusals").isEqualTo(3);
        assertThat(roster.get("items")).hasSize(2);
        assertThat(roster.get("items").get(0).get("studentNumber").asString()).isEqualTo("2026100001");
        assertThat(roster.get("items").get(0).get("clubName").asString()).isEqualTo("疯狂英语协会");
        assertThat(organiser.get(base + "/trainees?page=1&size=2").json().get("items").get(0).get("name").asString())
                .isEqualTo("Smith, \"Jr\"");

        HttpProbe.Response withdrawn = organiser.send(new HttpCall("DELETE", base + "/trainees/2026100002", null, null));
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("withdrawn");
        assertThat(organiser.send(new HttpCall("DELETE", base + "/trainees/2026100002", null, null)).status())
                .as("a repeat changes nothing").isEqualTo(200);
        assertThat(organiser.send(new HttpCall("DELETE", base + "/trainees/2026199999", null, null)).status()).isEqualTo(404);
        assertThat(organiser.get(base + "/trainees?status=enrolled").json().get("totalItems").asLong()).isEqualTo(2);
        enrol(base, "2026100004", "赵六", ACROSS, null);
        assertThat(organiser.get(base).json().get("enrolled").asInt()).isEqualTo(3);

        HttpProbe.Response session = organiser.postJson(base + "/sessions",
                "{\"start\":\"2026-12-19T01:00:00Z\",\"end\":\"2026-12-19T03:00:00Z\",\"venue\":\"Hall C\",\"topic\":\"总结 Review\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        assertThat(session.json().get("number").asInt()).isEqualTo(3);

        // issue 19: opening, each enrolment and the added session are events on activity.events, by the organiser
        String id = tc.get("id").asString();
        try (TopicProbe probe = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "activity.events")) {
            List<TopicProbe.Seen> seen = probe.awaitAtLeast(s -> id.equals(s.key()), 6, Duration.ofSeconds(20));
            assertThat(seen).extracting(TopicProbe.Seen::type).containsExactly(ActivityEventTypes.TRAINING_CLASS_CREATED,
                    ActivityEventTypes.TRAINEE_ENROLLED, ActivityEventTypes.TRAINEE_ENROLLED, ActivityEventTypes.TRAINEE_ENROLLED,
                    ActivityEventTypes.TRAINEE_ENROLLED, ActivityEventTypes.TRAINING_CLASS_CHANGED);
            assertThat(seen).extracting(s -> s.headers().get("ce_actor")).as("the refused enrolments told nothing")
                    .containsOnly(Persona.ORGANIZATION_MEMBER.subject());
            assertThat(seen).extracting(s -> s.headers().get("ce_subject")).containsOnly(id);
            JsonNode createdEvent = JSON.readTree(seen.get(0).payload());
            assertThat(createdEvent.at("/trainingClass/organiser").asString()).isEqualTo("organization");
            assertThat(createdEvent.at("/trainingClass/capacity").asInt()).isEqualTo(3);
            assertThat(createdEvent.at("/trainingClass/sessions")).hasSize(2);
            JsonNode firstEnrolment = JSON.readTree(seen.get(1).payload());
            assertThat(firstEnrolment.get("studentNumber").asString()).isEqualTo("2026100001");
            assertThat(firstEnrolment.get("clubId").asString()).isEqualTo(ACROSS);
            assertThat(firstEnrolment.get("team").asString()).isEqualTo("Team A");
            assertThat(firstEnrolment.at("/trainingClass/enrolled").asInt()).isEqualTo(1);
            assertThat(seen.get(1).payload()).as("names stay in event-service").doesNotContain("王小明");
            JsonNode changed = JSON.readTree(seen.get(5).payload());
            assertThat(changed.get("change").asString()).isEqualTo("session-added");
            assertThat(changed.at("/trainingClass/sessions/2/venue").asString()).isEqualTo("Hall C");
            assertThat(probe.drain(Duration.ofMillis(300)).stream().filter(s -> id.equals(s.key())))
                    .as("a withdrawal is not one of these facts").hasSize(6);
        }
    }

    @Test
    void theRosterCsvHasAHeaderAndQuotesWhatNeedsQuoting() throws Exception {
        String base = "/api/training-classes/" + opened(10);
        enrol(base, "2026200001", "Smith, \"Jr\"", PHOTO, "Team, A");
        enrol(base, "2026200002", "=cmd()", ACROSS, null);
        HttpProbe.Download csv = download(Persona.ORGANIZATION_HEAD, base + "/trainees/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String text = csv.text();
        assertThat(text).contains("\"Smith, \"\"Jr\"\"\"", "\"Team, A\"", "'=cmd()");
        CsvTable table = CsvTable.parse(text, List.of("studentNumber", "name", "clubId", "club", "team", "status",
                "enrolledAt", "withdrawnAt"));
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).get("name")).isEqualTo("Smith, \"Jr\"");
        assertThat(table.rows().get(0).get("club")).isEqualTo("摄影协会");
        assertThat(table.rows().get(1).get("status")).isEqualTo("enrolled");
    }

    @Test
    void attendanceIsMarkedOncePerTraineeAndSessionAndGivesEachTraineeARate() throws Exception {
        String base = "/api/training-classes/" + opened(10);
        enrol(base, Persona.MEMBER.subject(), "陈静", ACROSS, "Team A");
        enrol(base, "2026300002", "刘洋", PHOTO, "Team A");
        enrol(base, "2026300003", "Bob", PHOTO, null);
        String member = Persona.MEMBER.subject();

        HttpProbe.Response marked = put(organiser, base + "/sessions/1/attendance/" + member, "{\"status\":\"late\"}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(put(organiser, base + "/sessions/1/attendance/" + member, "{\"status\":\"late\"}").status())
                .as("idempotent").isEqualTo(200);
        assertThat(put(organiser, base + "/sessions/2/attendance/" + member, "{\"status\":\"absent\"}").status()).isEqualTo(200);
        assertThat(put(organiser, base + "/sessions/1/attendance/2026300002", "{\"status\":\"present\"}").status()).isEqualTo(200);
        assertThat(put(organiser, base + "/sessions/2/attendance/2026300002", "{\"status\":\"excused\"}").status()).isEqualTo(200);
        assertThat(put(organiser, base + "/sessions/9/attendance/2026300002", "{\"status\":\"present\"}").status()).isEqualTo(404);
        assertThat(put(organiser, base + "/sessions/1/attendance/2026399999", "{\"status\":\"present\"}").status()).isEqualTo(404);
        assertThat(put(organiser, base + "/sessions/1/attendance/2026300002", "{\"status\":\"asleep\"}").status()).isEqualTo(400);
        organiser.send(new HttpCall("DELETE", base + "/trainees/2026300003", null, null));
        assertThat(TestTokens.as(app(), "2026300003", List.of("STUDENT")).get("/api/training-classes/mine").json()
                .get("totalItems").asLong()).as("a withdrawn trainee's classes are no longer theirs").isZero();
        assertThat(put(organiser, base + "/sessions/1/attendance/2026300003", "{\"status\":\"present\"}").status())
                .as("withdrawn").isEqualTo(409);

        JsonNode session1 = organiser.get(base + "/sessions/1/attendance").json();
        assertThat(session1.get("present").asInt()).isEqualTo(1);
        assertThat(session1.get("late").asInt()).isEqualTo(1);
        assertThat(session1.get("unmarked").asInt()).isZero();
        assertThat(session1.get("trainees")).hasSize(2);

        JsonNode mine = Persona.MEMBER.on(app()).get("/api/training-classes/mine?size=100").json();
        List<String> classIds = new ArrayList<>();
        mine.get("items").forEach(c -> classIds.add(c.get("id").asString()));
        assertThat(classIds).as("the trainee's own classes").contains(base.substring(base.lastIndexOf('/') + 1));
        assertThat(Persona.STUDENT.on(app()).get("/api/training-classes/mine").json().get("totalItems").asLong()).isZero();
        assertThat(Persona.STUDENT.on(app()).get("/api/training-classes/mine?size=0").status()).isEqualTo(400);
        HttpProbe.Response own = Persona.MEMBER.on(app()).get(base + "/trainees/" + member);
        assertThat(own.status()).as("a trainee sees their own record").isEqualTo(200);
        assertThat(own.json().get("attendanceRate").asDouble()).isEqualTo(0.5);
        assertThat(own.json().get("sessions").get(0).get("status").asString()).isEqualTo("late");
        assertThat(own.json().get("sessions").get(1).get("status").asString()).isEqualTo("absent");
        assertThat(organiser.get(base + "/trainees/2026300002").json().get("attendanceRate").asDouble()).isEqualTo(1.0);
        assertThat(Persona.MEMBER.on(app()).get(base + "/trainees/2026300002").status()).as("not someone else's").isEqualTo(403);
        assertThat(Persona.MEMBER.on(app()).get(base).status()).as("a trainee sees the class").isEqualTo(200);
        assertThat(Persona.MEMBER.on(app()).get(base + "/sessions/1/attendance").status()).isEqualTo(403);
        assertThat(Persona.STUDENT.on(app()).get(base).status()).isEqualTo(403);
        assertThat(app().get(base).status()).isEqualTo(401);

        HttpProbe.Download csv = download(Persona.PRESIDIUM, base + "/attendance/csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        CsvTable table = CsvTable.parse(csv.text(), List.of("studentNumber", "name",
                "club", "team", "status", "session1", "session2", "present", "late", "absent", "excused", "attendanceRate"));
        CsvTable.Row first = table.rows().stream().filter(r -> member.equals(r.get("studentNumber"))).findFirst().orElseThrow();
        assertThat(first.get("session1")).isEqualTo("late");
        assertThat(first.get("session2")).isEqualTo("absent");
        assertThat(first.get("attendanceRate")).isEqualTo("0.5");
        assertThat(table.rows()).hasSize(3);
    }

    @Test
    void theSignInSheetIsAPdfOfTheRosterWithRoomToSign() throws Exception {
        String base = "/api/training-classes/" + opened(40);
        for (int i = 1; i <= 30; i++) {
            enrol(base, "20264000" + String.format("%02d", i), (i % 2 == 0 ? "王伟" : "Alice ") + i, i % 3 == 0 ? PHOTO : ACROSS, null);
        }
        HttpProbe.Download sheet = download(Persona.ORGANIZATION_MEMBER, base + "/sessions/1/sign-in-sheet");
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.contentType()).isEqualTo("application/pdf");
        String text = sheet.pdfText();
        assertThat(text).contains("未来管理者培训班", "领导力", "Library 101", "Signature", "王伟2", "Alice 29", "2026400030",
                "摄影协会");
        try (PDDocument pdf = Loader.loadPDF(sheet.body())) {
            assertThat(pdf.getNumberOfPages()).as("30 signature rows run over a page").isGreaterThan(1);
        }
        assertThat(download(Persona.ORGANIZATION_MEMBER, base + "/sessions/7/sign-in-sheet").status()).isEqualTo(404);
        assertThat(download(Persona.FINANCE_MEMBER, base + "/sessions/1/sign-in-sheet").status()).isEqualTo(403);
    }

    @Test
    void theSeatingChartMixesClubsByDefaultAndPrintsAsAGrid() throws Exception {
        String base = "/api/training-classes/" + opened(20);
        String[][] people = {{"2026500001", "张敏", ACROSS, "Team A"}, {"2026500002", "李娜", ACROSS, "Team B"},
                {"2026500003", "王伟", ACROSS, "Team A"}, {"2026500004", "刘洋", PHOTO, "Team B"},
                {"2026500005", "陈静", PHOTO, "Team A"}, {"2026500006", "赵磊", PHOTO, "Team B"}};
        for (String[] p : people) {
            enrol(base, p[0], p[1], p[2], p[3]);
        }
        HttpProbe.Response chart = organiser.get(base + "/sessions/2/seating-chart");
        assertThat(chart.status()).as(chart.body()).isEqualTo(200);
        JsonNode json = chart.json();
        assertThat(json.get("rule").asString()).isEqualTo("mix-clubs");
        assertThat(json.get("rows").asInt()).as("the session's venue layout").isEqualTo(3);
        assertThat(json.get("seats")).hasSize(12);
        for (int i = 1; i < 4; i++) {
            assertThat(json.get("seats").get(i).get("trainee").get("clubId").asString())
                    .isNotEqualTo(json.get("seats").get(i - 1).get("trainee").get("clubId").asString());
        }
        assertThat(organiser.get(base + "/sessions/2/seating-chart").body()).as("deterministic").isEqualTo(chart.body());

        JsonNode byTeam = organiser.get(base + "/sessions/1/seating-chart?rule=group-by-team&rows=2&seatsPerRow=3").json();
        assertThat(byTeam.get("seats").get(0).get("trainee").get("team").asString()).isEqualTo("Team A");
        assertThat(byTeam.get("seats").get(2).get("trainee").get("team").asString()).isEqualTo("Team A");
        assertThat(byTeam.get("seats").get(3).get("trainee").get("team").asString()).isEqualTo("Team B");

        HttpProbe.Response tooSmall = organiser.get(base + "/sessions/1/seating-chart?rows=1&seatsPerRow=5");
        assertThat(tooSmall.status()).isEqualTo(422);
        assertThat(tooSmall.body()).contains("do not fit");
        assertThat(organiser.get(base + "/sessions/1/seating-chart").status()).as("no layout given or known").isEqualTo(422);
        assertThat(organiser.get(base + "/sessions/2/seating-chart?rule=random").status()).isEqualTo(422);

        HttpProbe.Download pdf = download(Persona.PRESIDIUM, base + "/sessions/2/seating-chart/pdf?rule=alphabetical");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.pdfText()).contains("张敏", "赵磊", "疯狂英语协会", "Hall B", "alphabetical");

        HttpProbe.Download csv = download(Persona.PRESIDIUM, base + "/sessions/2/seating-chart/csv?rule=by-student-number");
        CsvTable seats = CsvTable.parse(csv.text(),
                List.of("row", "seat", "studentNumber", "name", "club", "team"));
        assertThat(seats.rows()).hasSize(12);
        assertThat(seats.rows().get(0).get("studentNumber")).isEqualTo("2026500001");
        assertThat(seats.rows().get(11).get("studentNumber")).as("an empty seat").isNull();
    }

    @Test
    void onlyTheOrganisingDepartmentAndThePresidiumManageAClass() {
        HttpProbe.Response notTheirs = Persona.PUBLICITY_MEMBER.on(app()).postJson("/api/training-classes",
                classBody("organization", 10, null));
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(organiser.postJson("/api/training-classes", classBody(null, 10, null)).status())
                .as("without a department it is the presidium's").isEqualTo(403);
        HttpProbe.Response presidiums = Persona.PRESIDIUM.on(app()).postJson("/api/training-classes", classBody(null, 10, null));
        assertThat(presidiums.status()).isEqualTo(201);
        assertThat(presidiums.json().get("organiser").asString()).isEqualTo("presidium");
        String base = "/api/training-classes/" + presidiums.json().get("id").asString();
        assertThat(organiser.get(base + "/trainees").status()).isEqualTo(403);
        assertThat(organiser.postJson(base + "/trainees", enrolment("2026600001", "X", ACROSS, null)).status()).isEqualTo(403);
        assertThat(Persona.PRESIDIUM.on(app()).postJson(base + "/trainees", enrolment("2026600001", "X", ACROSS, null)).status())
                .isEqualTo(201);

        String publicity = Persona.PUBLICITY_MEMBER.on(app()).postJson("/api/training-classes",
                classBody("publicity", 10, null)).json().get("id").asString();
        assertThat(organiser.get("/api/training-classes/" + publicity + "/trainees").status()).isEqualTo(403);
        assertThat(Persona.PUBLICITY_MEMBER.on(app()).get("/api/training-classes/" + publicity + "/trainees").status())
                .isEqualTo(200);
        assertThat(organiser.get("/api/training-classes/tc-nothing/trainees").status()).isEqualTo(404);
    }

    @Test
    void aClassAttachesOnlyToAKnownApprovedActivity() {
        assertThat(organiser.postJson("/api/training-classes", classBody("organization", 10, "act-nothing")).status())
                .isEqualTo(422);
        String proposed = "act-" + UUID.randomUUID();
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS);
        activities.add(Decision.quietly(new Activity(proposed, "Training", "training", null, start, start.plus(2, ChronoUnit.HOURS),
                "Hall " + proposed, "invited", 30, null, List.of(), "organization", "federation", Activity.PROPOSED,
                List.of(), List.of(), null, Persona.ORGANIZATION_MEMBER.subject(), Instant.now(), null, null)));
        HttpProbe.Response notApproved = organiser.postJson("/api/training-classes", classBody("organization", 10, proposed));
        assertThat(notApproved.status()).isEqualTo(409);
        assertThat(notApproved.body()).contains("proposed");
        String approved = SummaryReportTest.endedActivity(activities, directory);
        HttpProbe.Response attached = organiser.postJson("/api/training-classes", classBody("organization", 10, approved));
        assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        assertThat(attached.json().get("activityId").asString()).isEqualTo(approved);
    }

    @Test
    void manyEnrolmentsRacingForTheLastPlacesNeverExceedTheCapacityNorEnrolAStudentTwice() throws Exception {
        String base = "/api/training-classes/" + opened(5);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String body = enrolment("20267000" + String.format("%02d", i), "学员" + i, i % 2 == 0 ? ACROSS : PHOTO, null);
                results.add(pool.submit(() -> organiser.postJson(base + "/trainees", body).status()));
            }
            for (int i = 0; i < 6; i++) {
                String body = enrolment("2026709999", "同一人", ACROSS, null);
                results.add(pool.submit(() -> organiser.postJson(base + "/trainees", body).status()));
            }
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).as("enrolled, or refused as full, duplicate or changed meanwhile").containsOnly(201, 409);
        JsonNode roster = organiser.get(base + "/trainees?size=100").json();
        long enrolled = roster.get("totalItems").asLong();
        assertThat(enrolled).isLessThanOrEqualTo(5).isEqualTo(statuses.stream().filter(s -> s == 201).count());
        List<String> numbers = new ArrayList<>();
        roster.get("items").forEach(t -> numbers.add(t.get("studentNumber").asString()));
        assertThat(numbers).doesNotHaveDuplicates();
        for (int i = 0; i < 16 && numbers.size() < 5; i++) { // whoever lost only to a concurrent write gets in on a retry
            HttpProbe.Response retry = organiser.postJson(base + "/trainees",
                    enrolment("20267000" + String.format("%02d", i), "学员" + i, ACROSS, null));
            if (retry.status() == 201) {
                numbers.add(retry.json().get("studentNumber").asString());
            }
        }
        assertThat(organiser.get(base).json().get("enrolled").asInt()).isEqualTo(5);
    }

    @Test
    void traineesGiveFeedbackAndTheOrganisersWriteTheSummaryReportAfterTheLastSession() throws Exception {
        HttpProbe.Response created = organiser.postJson("/api/training-classes", classBody("organization", 10, null, -20));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String base = "/api/training-classes/" + created.json().get("id").asString();
        String member = Persona.MEMBER.subject();
        enrol(base, member, "陈静", ACROSS, "Team A");
        enrol(base, "2026800002", "刘洋", PHOTO, "Team B");
        put(organiser, base + "/sessions/1/attendance/" + member, "{\"status\":\"present\"}");
        put(organiser, base + "/sessions/1/attendance/2026800002", "{\"status\":\"absent\"}");
        put(organiser, base + "/sessions/2/attendance/" + member, "{\"status\":\"late\"}");

        HttpProbe.Response given = put(Persona.MEMBER.on(app()), base + "/feedback",
                "{\"rating\":4,\"comment\":\"讲得很好, more cases please\"}");
        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(given.json().get("rating").asInt()).isEqualTo(4);
        assertThat(put(Persona.MEMBER.on(app()), base + "/feedback", "{\"rating\":5,\"comment\":\"讲得很好, more cases please\"}")
                .json().get("rating").asInt()).as("given again: replaced").isEqualTo(5);
        assertThat(put(Persona.MEMBER.on(app()), base + "/feedback", "{\"rating\":6}").status()).isEqualTo(400);
        assertThat(put(Persona.STUDENT.on(app()), base + "/feedback", "{\"rating\":3}").status()).as("not a trainee").isEqualTo(403);
        assertThat(put(organiser, base + "/feedback", "{\"rating\":3}").status()).as("organisers are no trainees").isEqualTo(403);

        String future = "/api/training-classes/" + opened(5);
        HttpProbe.Response early = put(organiser, future + "/report", "{\"summary\":\"too early\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(organiser.get(future + "/report").json().has("report")).as("nothing written").isFalse();

        HttpProbe.Response written = put(organiser, base + "/report", "{\"summary\":\"两次课, 学员积极参与\"}");
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        JsonNode figures = written.json().get("figures");
        assertThat(figures.get("enrolled").asInt()).isEqualTo(2);
        assertThat(figures.get("attendanceRate").asDouble()).as("2 of 3 counted marks").isEqualTo(0.667);
        assertThat(figures.get("averageRating").asDouble()).isEqualTo(5.0);
        assertThat(figures.get("sessions").get(0).get("absent").asInt()).isEqualTo(1);
        assertThat(figures.get("sessions").get(1).get("unmarked").asInt()).isEqualTo(1);
        assertThat(Persona.MEMBER.on(app()).get(base + "/report").status()).isEqualTo(403);

        HttpProbe.Download pdf = download(Persona.ORGANIZATION_HEAD, base + "/report/pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.pdfText()).contains("未来管理者培训班", "两次课", "讲得很好", "66.7%", "5.0 / 5", "Finance, budgets");
    }
}
