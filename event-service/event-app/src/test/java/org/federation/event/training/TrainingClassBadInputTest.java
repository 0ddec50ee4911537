package org.federation.event.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.BadInputs.absent;
import static org.federation.platform.testing.BadInputs.blankOrHuge;
import static org.federation.platform.testing.BadInputs.structurallyWrong;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.platform.testing.BadInputCampaign;
import org.federation.platform.testing.BadInputs;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.StoredData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Generated bad input at every training-class endpoint, sent by the presidium (who may manage any
 * class, so input and not rights is tested): each is refused with a precise problem and changes
 * nothing that is stored.
 */
@EventServiceTest
class TrainingClassBadInputTest extends EmbeddedBackboneProperties {

    static final String CLUB = "club-tc-bad-" + UUID.randomUUID();

    @Autowired
    ClubDirectory directory;

    static Map<String, Object> validSession() {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("start", "2026-12-05T01:00:00Z");
        session.put("end", "2026-12-05T03:00:00Z");
        session.put("venue", "Library 101");
        session.put("topic", "Leadership");
        return session;
    }

    static Map<String, Object> validClass() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Future Managers");
        body.put("department", "organization");
        body.put("capacity", 30);
        body.put("sessions", List.of(validSession()));
        return body;
    }

    static Map<String, Arbitrary<Object>> invalidClass() {
        Map<String, Object> hugeLayout = validSession();
        hugeLayout.put("rows", 51);
        hugeLayout.put("seatsPerRow", 5);
        Map<String, Object> noVenue = validSession();
        noVenue.remove("venue");
        Map<String, Object> badStart = validSession();
        badStart.put("start", "soon");
        Map<String, Arbitrary<Object>> invalid = new LinkedHashMap<>();
        invalid.put("title", Arbitraries.oneOf(blankOrHuge(120), structurallyWrong(), absent()));
        invalid.put("department", Arbitraries.oneOf(Arbitraries.of("sports", "Organization", "presidium", ""), structurallyWrong()));
        invalid.put("activityId", Arbitraries.oneOf(Arbitraries.of("bad id!", ""), structurallyWrong()));
        invalid.put("capacity", Arbitraries.oneOf(Arbitraries.of(0, -1, 501, "many", 1.5), structurallyWrong(), absent()));
        invalid.put("sessions", Arbitraries.oneOf(Arbitraries.of(List.of(), List.of(hugeLayout), List.of(noVenue),
                List.of(badStart), "x"),
                Arbitraries.just(java.util.Collections.nCopies(41, validSession())).map(l -> (Object) l), absent()));
        return invalid;
    }

    /** Well-formed classes against the rules (422): sessions ending before they start or lasting too long, half a layout, an unknown activity. */
    static Map<String, Arbitrary<Object>> ruleBreakingClass() {
        Map<String, Object> reversed = validSession();
        reversed.put("end", "2026-12-05T00:00:00Z");
        Map<String, Object> tooLong = validSession();
        tooLong.put("end", "2026-12-07T00:00:00Z");
        Map<String, Object> halfLayout = validSession();
        halfLayout.put("rows", 4);
        return Map.of(
                "activityId", Arbitraries.just("act-nothing-" + UUID.randomUUID()),
                "sessions", Arbitraries.of(List.of(reversed), List.of(tooLong), List.of(halfLayout)));
    }

    @Test
    void trainingClassEndpointsSurviveGeneratedBadInputWithAPreciseProblemAndNoChange() {
        if (directory.find(CLUB).isEmpty()) {
            ClubFacts.publishEstablished(CLUB, "网球协会", "2098000009", List.of());
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(CLUB).isPresent());
        }
        HttpProbe presidium = Persona.PRESIDIUM.on(app());
        HttpProbe.Response created = presidium.postJson("/api/training-classes", TrainingClassTest.classBody("organization", 2, null));
        assertThat(created.status()).isEqualTo(201);
        String base = "/api/training-classes/" + created.json().get("id").asString();
        assertThat(presidium.postJson(base + "/trainees", TrainingClassTest.enrolment("2097000001", "王伟", CLUB, "A")).status())
                .isEqualTo(201);
        assertThat(presidium.postJson(base + "/trainees", TrainingClassTest.enrolment("2097000002", "李娜", CLUB, null)).status())
                .isEqualTo(201);
        assertThat(presidium.send(new HttpCall("PUT", base + "/sessions/1/attendance/2097000001", "application/json",
                "{\"status\":\"present\"}")).status()).isEqualTo(200);
        String space = presidium.postJson("/api/training-classes", TrainingClassTest.classBody("organization", 5, null))
                .json().get("id").asString();
        String roomy = "/api/training-classes/" + space;
        assertThat(presidium.postJson(roomy + "/trainees", TrainingClassTest.enrolment("2097000003", "张敏", CLUB, null)).status())
                .isEqualTo(201);
        assertThat(presidium.send(new HttpCall("DELETE", roomy + "/trainees/2097000003", null, null)).status()).isEqualTo(200);
        assertThat(presidium.postJson(roomy + "/trainees", TrainingClassTest.enrolment(Persona.PRESIDIUM.subject(), "主席",
                CLUB, null)).status()).as("the presidium's caller is also a trainee here, to give feedback").isEqualTo(201);

        Map<String, Object> validEnrolment = Map.of("studentNumber", "2097000009", "name", "赵磊", "clubId", CLUB);
        Map<String, Arbitrary<Object>> invalidEnrolment = Map.of(
                "studentNumber", Arbitraries.oneOf(Arbitraries.of("", "12", "2097 0001", "x".repeat(21), "20970-0001"),
                        structurallyWrong(), absent()),
                "name", Arbitraries.oneOf(blankOrHuge(60), structurallyWrong(), absent()),
                "clubId", Arbitraries.oneOf(Arbitraries.of("bad id!", ""),
                        structurallyWrong(), absent()),
                "team", Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(41).ofMaxLength(80).map(s -> (Object) s),
                        structurallyWrong()));
        String[] getsUnderAClass = {"", "/trainees", "/trainees/csv", "/trainees/2097000001", "/attendance/csv",
                "/sessions/1/attendance", "/sessions/1/sign-in-sheet", "/sessions/2/seating-chart",
                "/sessions/2/seating-chart/pdf", "/sessions/2/seating-chart/csv"};
        String[] seatingPaths = {"/sessions/2/seating-chart", "/sessions/2/seating-chart/pdf", "/sessions/2/seating-chart/csv"};

        new BadInputCampaign(presidium, () -> StoredData.of(mongo))
                .refuses("POST /api/training-classes (invalid fields)", 400, BadInputs.withInvalidFields(validClass(), invalidClass())
                        .map(body -> HttpCall.postJson("/api/training-classes", body)), 260)
                .refuses("POST /api/training-classes (sessions and activity against the rules)", 422, BadInputs.withInvalidFields(
                        validClass(), ruleBreakingClass()).map(body -> HttpCall.postJson("/api/training-classes", body)), 40)
                .refuses("POST /api/training-classes (broken JSON)", 400, BadInputs.brokenJson(validClass())
                        .map(body -> HttpCall.postJson("/api/training-classes", body)), 100)
                .refusesIds("GET /api/training-classes/{id}/…", ids -> ids.flatMap(id ->
                        Arbitraries.of(getsUnderAClass).map(p -> HttpCall.get("/api/training-classes/" + id + p))), 150)
                .refusesIds("commands on training classes", ids -> ids.flatMap(id -> Arbitraries.of(
                        HttpCall.postJson("/api/training-classes/" + id + "/trainees", TrainingClassTest.enrolment("2097000009",
                                "x", CLUB, null)),
                        HttpCall.postJson("/api/training-classes/" + id + "/sessions",
                                "{\"start\":\"2026-12-20T01:00:00Z\",\"end\":\"2026-12-20T02:00:00Z\",\"venue\":\"v\",\"topic\":\"t\"}"),
                        new HttpCall("DELETE", "/api/training-classes/" + id + "/trainees/2097000001", null, null),
                        new HttpCall("PUT", "/api/training-classes/" + id + "/sessions/1/attendance/2097000001",
                                "application/json", "{\"status\":\"present\"}"))), 150)
                .refuses("POST /api/training-classes/{id}/trainees (invalid fields, broken JSON)", 400, Arbitraries.oneOf(
                        BadInputs.withInvalidFields(validEnrolment, invalidEnrolment)
                                .map(body -> HttpCall.postJson(roomy + "/trainees", body)),
                        BadInputs.brokenJson(validEnrolment).map(body -> HttpCall.postJson(roomy + "/trainees", body))), 240)
                .refuses("POST /api/training-classes/{id}/trainees (enrolled already, class full)", 409, Arbitraries.of(
                        HttpCall.postJson(base + "/trainees", TrainingClassTest.enrolment("2097000001", "王伟", CLUB, null)),
                        HttpCall.postJson(base + "/trainees", TrainingClassTest.enrolment("2097000008", "新人", CLUB, null))), 10)
                .refuses("POST /api/training-classes/{id}/sessions (ending before it starts, too long)", 422,
                        BadInputs.withInvalidFields(validSession(), Map.of(
                                "start", Arbitraries.just("2026-12-05T04:00:00Z"),
                                "end", Arbitraries.just("2026-12-08T00:00:00Z")))
                                .map(body -> HttpCall.postJson(roomy + "/sessions", body)), 10)
                .refuses("POST /api/training-classes/{id}/sessions (invalid sessions)", 400, Arbitraries.oneOf(
                        BadInputs.withInvalidFields(validSession(), Map.of(
                                "start", Arbitraries.oneOf(Arbitraries.of("later", ""), absent()),
                                "end", Arbitraries.oneOf(Arbitraries.of("2026-12-05"), absent()),
                                "venue", Arbitraries.oneOf(blankOrHuge(120), structurallyWrong(), absent()),
                                "topic", Arbitraries.oneOf(blankOrHuge(200), structurallyWrong(), absent()),
                                "rows", Arbitraries.of(0, 51, -3, "ten", 2.5, 1e3),
                                "seatsPerRow", Arbitraries.of(0, 51, "ten", 4.01)))
                                .map(body -> HttpCall.postJson(roomy + "/sessions", body)),
                        BadInputs.brokenJson(validSession()).map(body -> HttpCall.postJson(roomy + "/sessions", body))), 190)
                .refuses("PUT …/sessions/{session}/attendance/{studentNumber} (bad marks)", 400, Arbitraries.of(
                                "{\"status\":\"asleep\"}", "{\"status\":\"PRESENT\"}", "{}", "[]", "{\"status\":[1]}",
                                "{\"status\":\"\"}", "", "{").map(b -> new HttpCall("PUT",
                                base + "/sessions/1/attendance/2097000001", "application/json", b)), 50)
                .refuses("PUT …/sessions/{session}/attendance/{studentNumber} (session numbers not numbers)", 400,
                        Arbitraries.of("abc", "1.5", "99999999999").map(s -> new HttpCall("PUT",
                                base + "/sessions/" + s + "/attendance/2097000001", "application/json", "{\"status\":\"late\"}")), 15)
                .refuses("PUT …/sessions/{session}/attendance/{studentNumber} (no such session)", 404,
                        Arbitraries.of("0", "3", "-1", "999999").map(s -> new HttpCall("PUT",
                                base + "/sessions/" + s + "/attendance/2097000001", "application/json", "{\"status\":\"late\"}")), 20)
                .refusesIds("PUT …/sessions/1/attendance/{studentNumber}", ids -> ids.map(n -> new HttpCall("PUT",
                        base + "/sessions/1/attendance/" + n, "application/json", "{\"status\":\"late\"}")), 60)
                .refuses("PUT …/sessions/{session}/attendance/{studentNumber} (withdrawn trainee)", 409, Arbitraries.just(
                        new HttpCall("PUT", roomy + "/sessions/1/attendance/2097000003", "application/json", "{\"status\":\"late\"}")), 3)
                .refusesIds("DELETE …/trainees/{studentNumber}", ids -> ids.map(n ->
                        new HttpCall("DELETE", base + "/trainees/" + n, null, null)), 80)
                .refusesIds("GET …/trainees/{studentNumber}", ids -> ids.map(n -> HttpCall.get(base + "/trainees/" + n)), 60)
                .refuses("GET …/sessions/{session}/… (no such session)", 404, Arbitraries.of("0", "3", "-1").flatMap(s ->
                        Arbitraries.of("/attendance", "/sign-in-sheet", "/seating-chart?rows=5&seatsPerRow=5")
                                .map(p -> HttpCall.get(base + "/sessions/" + s + p))), 30)
                .refuses("GET …/sessions/{session}/… (session numbers not numbers)", 400, Arbitraries.of("x", "99999999999").flatMap(s ->
                        Arbitraries.of("/attendance", "/sign-in-sheet", "/seating-chart?rows=5&seatsPerRow=5")
                                .map(p -> HttpCall.get(base + "/sessions/" + s + p))), 20)
                // a rule there is not, a layout out of range, half a layout, too few seats: the seating rules (422)
                .refuses("GET …/seating-chart[/pdf|/csv] (bad rules and layouts)", 422, Arbitraries.of(seatingPaths).flatMap(p ->
                        Arbitraries.of("rule=random", "rule=MIX-CLUBS", "rule=%20", "rows=0&seatsPerRow=5", "rows=51&seatsPerRow=5",
                                "rows=5&seatsPerRow=0", "rows=5&seatsPerRow=999", "rows=5", "seatsPerRow=5", "rows=1&seatsPerRow=1")
                                .map(q -> HttpCall.get(base + p + "?" + q))), 130)
                .refuses("GET …/seating-chart[/pdf|/csv] (layouts that are no numbers)", 400, Arbitraries.of(seatingPaths).flatMap(p ->
                        Arbitraries.of("rows=x&seatsPerRow=5", "rows=99999999999&seatsPerRow=1")
                                .map(q -> HttpCall.get(base + p + "?" + q))), 20)
                .refuses("GET …/sessions/1/seating-chart (no venue layout)", 422, Arbitraries.of(seatingPaths)
                        .map(p -> HttpCall.get(base + p.replace("/sessions/2/", "/sessions/1/"))), 20)
                .refuses("GET …/trainees?status= (unknown statuses)", 400, Arbitraries.of("gone", "ENROLLED", "withdrawn,enrolled")
                        .map(st -> HttpCall.get(base + "/trainees?status=" + st)), 20)
                .refuses("GET /api/training-classes, …/trainees (paging)", 400, BadInputs.badPaging().flatMap(q -> Arbitraries.of(
                        HttpCall.get("/api/training-classes?" + q), HttpCall.get("/api/training-classes/mine?" + q),
                        HttpCall.get(base + "/trainees?" + q))), 150)
                .refuses("PUT …/feedback (bad ratings and comments)", 400, Arbitraries.oneOf(
                        BadInputs.withInvalidFields(Map.of("rating", 4, "comment", "ok"), Map.of(
                                "rating", Arbitraries.oneOf(Arbitraries.of(0, 6, -1, 2.5, "four", 1e9), structurallyWrong(), absent()),
                                "comment", Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(2001).ofMaxLength(3000)
                                        .map(t -> (Object) t), structurallyWrong())))
                                .map(b -> new HttpCall("PUT", roomy + "/feedback", "application/json", b)),
                        BadInputs.brokenJson(Map.of("rating", 4)).map(b -> new HttpCall("PUT", roomy + "/feedback",
                                "application/json", b))), 110)
                .refusesIds("PUT …/feedback", ids -> ids.map(id -> new HttpCall("PUT", "/api/training-classes/" + id + "/feedback",
                        "application/json", "{\"rating\":4}")), 40)
                .refuses("PUT …/report (bad summaries)", 400, BadInputs.withInvalidFields(Map.of("summary", "s"), Map.of("summary",
                                Arbitraries.oneOf(blankOrHuge(20_000), structurallyWrong(), absent())))
                        .map(b -> new HttpCall("PUT", roomy + "/report", "application/json", b)), 100)
                .refuses("PUT …/report (before the last session)", 409, Arbitraries.just(
                        new HttpCall("PUT", roomy + "/report", "application/json", "{\"summary\":\"early\"}")), 3)
                .refusesIds("PUT/GET …/report", ids -> ids.flatMap(id -> Arbitraries.of(
                        HttpCall.get("/api/training-classes/" + id + "/report"),
                        HttpCall.get("/api/training-classes/" + id + "/report/pdf"),
                        new HttpCall("PUT", "/api/training-classes/" + id + "/report", "application/json", "{\"summary\":\"s\"}"))), 50)
                .refuses("unsupported methods on /api/training-classes/{id}", 405, BadInputs.unsupportedMethods(base), 60)
                .verify();
    }
}
