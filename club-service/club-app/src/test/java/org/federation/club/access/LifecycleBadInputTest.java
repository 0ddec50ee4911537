package org.federation.club.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.BadInputs.absent;
import static org.federation.platform.testing.BadInputs.blankOrHuge;
import static org.federation.platform.testing.BadInputs.structurallyWrong;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.testing.BadInputCampaign;
import org.federation.platform.testing.BadInputs;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.StoredData;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generated bad input at the lifecycle endpoints (suspension, dissolution, elections,
 * registration, mergers, filters), sent by the presidium: never a 5xx, a precise problem, and
 * nothing stored changes.
 */
@ClubServiceTest
class LifecycleBadInputTest extends EmbeddedBackboneProperties {

    private static Map<String, Object> validElection() {
        Map<String, Object> election = new LinkedHashMap<>();
        election.put("heldOn", "2026-06-01");
        election.put("membersPresent", 25);
        election.put("quorumReached", true);
        election.put("votes", List.of(Map.of("studentNumber", "2099000008", "name", "韩梅梅", "votes", 18)));
        election.put("elected", List.of(Map.of("studentNumber", "2099000008", "name", "韩梅梅", "role", "president")));
        return election;
    }

    private static Map<String, Arbitrary<Object>> invalidElection() {
        Map<String, Arbitrary<Object>> invalid = new LinkedHashMap<>();
        invalid.put("heldOn", Arbitraries.oneOf(Arbitraries.of("01/06/2026", "2026-13-01", "soon", ""), structurallyWrong(), absent()));
        invalid.put("membersPresent", Arbitraries.oneOf(Arbitraries.integers().between(-1000, -1).map(i -> i),
                Arbitraries.of("many", 1_000_000), structurallyWrong(), absent()));
        invalid.put("quorumReached", Arbitraries.oneOf(Arbitraries.of("perhaps", 3), structurallyWrong(), absent()));
        invalid.put("votes", Arbitraries.oneOf(Arbitraries.just(List.of()),
                Arbitraries.just(List.of(Map.of("studentNumber", "", "name", "x", "votes", 1))),
                Arbitraries.just(List.of(Map.of("studentNumber", "1", "name", "x", "votes", -1))),
                Arbitraries.just("not a list"), absent()));
        invalid.put("elected", Arbitraries.oneOf(Arbitraries.just(List.of()),
                Arbitraries.just(List.of(Map.of("studentNumber", "1", "name", "x", "role", "Chief Executive!"))),
                Arbitraries.just(List.of(Map.of("studentNumber", "1", "name", " ", "role", "president"))),
                Arbitraries.just(Map.of("a", 1)), absent()));
        return invalid;
    }

    /**
     * Defect (issue 15): a club named in a request body that does not exist was answered 404, as if
     * {@code /api/information-requests} or {@code /api/mergers} did not exist; it is a body the
     * federation's rules refuse (422, naming the field), as notification-service already answers.
     */
    @Test
    void aClubNamedInABodyThatDoesNotExistIsA422NotA404() {
        HttpProbe presidium = Persona.PRESIDIUM.on(app());
        String club = ClubLifecycleTest.newClub(app(), "named in a body");

        HttpProbe.Response request = presidium.postJson("/api/information-requests", "{\"department\":\"publicity\","
                + "\"title\":\"Booklet\",\"fields\":[\"constitution\"],\"maxAgeDays\":30,\"deadline\":\"2999-01-01T00:00:00Z\","
                + "\"clubIds\":[\"" + club + "\",\"no-such-club\"]}");
        HttpProbe.Response into = presidium.postJson("/api/mergers", "{\"mergedClubIds\":[\"" + club + "\"],"
                + "\"intoClubId\":\"no-such-club\",\"reason\":\"r\"}");
        HttpProbe.Response merged = presidium.postJson("/api/mergers", "{\"mergedClubIds\":[\"no-such-club\"],"
                + "\"intoClubId\":\"" + club + "\",\"reason\":\"r\"}");

        for (HttpProbe.Response response : List.of(request, into, merged)) {
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).contains("no-such-club");
        }
    }

    @Test
    void lifecycleEndpointsSurviveGeneratedBadInputWithAPreciseProblemAndNoChange() {
        HttpProbe presidium = Persona.PRESIDIUM.on(app());
        String club = ClubLifecycleTest.newClub(app(), "bad input");
        String year = ClubLifecycleTest.randomYear();
        assertThat(presidium.postJson("/api/registration-windows", "{\"academicYear\":\"" + year
                + "\",\"deadline\":\"2999-01-01T00:00:00Z\"}").status()).isEqualTo(201);

        Arbitrary<Object> badReason = Arbitraries.oneOf(blankOrHuge(2000), structurallyWrong(), absent());
        Arbitrary<HttpCall> reasons = Arbitraries.of("suspension", "reinstatement", "dissolution").flatMap(step ->
                BadInputs.withInvalidFields(Map.of("reason", "because"), Map.of("reason", badReason))
                        .map(body -> HttpCall.postJson("/api/clubs/" + club + "/" + step, body)));
        Arbitrary<HttpCall> elections = BadInputs.withInvalidFields(validElection(), invalidElection())
                .map(body -> HttpCall.postJson("/api/clubs/" + club + "/elections", body));
        Arbitrary<HttpCall> brokenElections = BadInputs.brokenJson(validElection())
                .map(body -> HttpCall.postJson("/api/clubs/" + club + "/elections", body));

        Map<String, Object> validWindow = Map.of("academicYear", "2990-2991", "deadline", "2999-01-01T00:00:00Z");
        Map<String, Arbitrary<Object>> invalidWindow = Map.of(
                "academicYear", Arbitraries.oneOf(Arbitraries.of("2026", "2026/2027", "26-27", ""), structurallyWrong(), absent()),
                "deadline", Arbitraries.oneOf(Arbitraries.of("tomorrow", "2999-13-01T00:00:00Z"), structurallyWrong(), absent()));
        Arbitrary<HttpCall> windows = BadInputs.withInvalidFields(validWindow, invalidWindow)
                .map(body -> HttpCall.postJson("/api/registration-windows", body));
        // well formed, against the rules: years not consecutive, a deadline passed
        Arbitrary<HttpCall> ruleBreakingWindows = BadInputs.withInvalidFields(validWindow, Map.of(
                        "academicYear", Arbitraries.of("2026-2028", "2027-2026"),
                        "deadline", Arbitraries.just("2001-01-01T00:00:00Z")))
                .map(body -> HttpCall.postJson("/api/registration-windows", body));

        Map<String, Arbitrary<Object>> invalidRegistration = Map.of(
                "contact", Arbitraries.oneOf(Arbitraries.of("", " ", "\t"),
                        Arbitraries.strings().alpha().ofMinLength(201).ofMaxLength(400).map(s -> s), structurallyWrong()),
                "category", Arbitraries.oneOf(Arbitraries.of("cooking", "Sports", ""), structurallyWrong()),
                "memberCount", Arbitraries.oneOf(Arbitraries.of(-1, -50, 1_000_000, "many"), structurallyWrong()));
        Arbitrary<HttpCall> registrations = BadInputs.withInvalidFields(Map.of(), invalidRegistration)
                .map(body -> HttpCall.postJson("/api/clubs/" + club + "/registrations/" + year, body));
        // an academic year not written as two consecutive years breaks the federation's rule (422)
        Arbitrary<HttpCall> registrationYears = Arbitraries.of("2026", "2026-2028", "x").map(y -> HttpCall.postJson(
                "/api/clubs/" + club + "/registrations/" + y, "{}"));

        Arbitrary<HttpCall> malformedMergers = Arbitraries.of(
                        "{\"mergedClubIds\":[],\"intoClubId\":\"" + club + "\",\"reason\":\"r\"}",
                        "{\"mergedClubIds\":[\"" + club + "\"],\"intoClubId\":\"x\",\"reason\":\" \"}",
                        "{\"mergedClubIds\":\"" + club + "\",\"intoClubId\":\"x\",\"reason\":\"r\"}")
                .map(body -> HttpCall.postJson("/api/mergers", body));
        // well formed, but incoherent or naming clubs that do not exist (422)
        Arbitrary<HttpCall> incoherentMergers = Arbitraries.of(
                        "{\"mergedClubIds\":[\"" + club + "\"],\"reason\":\"r\"}",
                        "{\"mergedClubIds\":[\"" + club + "\"],\"intoClubId\":\"" + club + "\",\"reason\":\"r\"}",
                        "{\"mergedClubIds\":[\"" + club + "\",\"" + club + "\"],\"intoClubId\":\"x\",\"reason\":\"r\"}",
                        "{\"mergedClubIds\":[\"" + club + "\"],\"intoClubId\":\"no-such-club\",\"reason\":\"r\"}",
                        "{\"mergedClubIds\":[\"no-such-club\"],\"intoClubId\":\"" + club + "\",\"reason\":\"r\"}",
                        // the clubs are looked up before the new club's fields: 'other' names no club
                        "{\"mergedClubIds\":[\"" + club + "\",\"other\"],\"newClub\":{\"name\":\"n\",\"category\":\"cooking\","
                                + "\"contact\":\"c\",\"president\":\"1\"},\"reason\":\"r\"}",
                        "{\"mergedClubIds\":[\"" + club + "\"],\"intoClubId\":\"x\",\"newClub\":{\"name\":\"n\",\"category\":\"sports\","
                                + "\"contact\":\"c\",\"president\":\"1\"},\"reason\":\"r\"}")
                .map(body -> HttpCall.postJson("/api/mergers", body));
        Arbitrary<HttpCall> filters = Arbitraries.of("state=alive", "state=ACTIVE", "category=cooking",
                        "registeredFor=2026", "unregisteredFor=next-year", "registeredFor=")
                .map(query -> HttpCall.get("/api/clubs?" + query));

        Arbitrary<HttpCall> applications = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(2001).ofMaxLength(3000).map(m -> "{\"motivation\":\"" + m + "\"}"),
                Arbitraries.of("{\"motivation\":{\"a\":1}}", "{\"motivation\":[]}", "{\"motivation\":", "[]"))
                .map(body -> HttpCall.postJson("/api/clubs/" + club + "/membership-applications", body));
        Arbitrary<HttpCall> decisions = Arbitraries.oneOf(
                BadInputs.withInvalidFields(Map.of("reason", "r"), Map.of("reason", badReason))
                        .map(body -> HttpCall.postJson("/api/clubs/" + club + "/membership-applications/x/rejection", body)),
                BadInputs.withInvalidFields(Map.of("reason", "r"), Map.of("reason", badReason))
                        .map(body -> new HttpCall("DELETE", "/api/clubs/" + club + "/members/2099000008",
                                "application/json", body)));
        Arbitrary<HttpCall> memberQueries = Arbitraries.oneOf(
                Arbitraries.of("yesterday", "2026-13-01", "01/02/2026").map(on -> HttpCall.get("/api/clubs/" + club
                        + "/members?on=" + on)),
                Arbitraries.of("open", "PENDING", "all").map(state -> HttpCall.get("/api/clubs/" + club
                        + "/membership-applications?state=" + state)),
                BadInputs.badPaging().filter(q -> !q.isBlank()).map(q -> HttpCall.get("/api/clubs/" + club
                        + "/membership-applications?" + q)));
        Arbitrary<HttpCall> verifications = BadInputs.withInvalidFields(Map.of("credential", "a.b.c"),
                        Map.of("credential", Arbitraries.oneOf(blankOrHuge(4000), structurallyWrong(), absent())))
                .map(body -> HttpCall.postJson("/api/credentials/verification", body));

        Map<String, Object> validPerson = Map.of("studentNumber", "2022999999", "name", "委员");
        Map<String, Arbitrary<Object>> invalidPerson = Map.of(
                "studentNumber", Arbitraries.oneOf(Arbitraries.of("", " ", "has space", "中文", "a/b"),
                        Arbitraries.strings().numeric().ofMinLength(41).ofMaxLength(60).map(n -> n), structurallyWrong(), absent()),
                "name", Arbitraries.oneOf(blankOrHuge(200), structurallyWrong(), absent()));
        Arbitrary<HttpCall> roster = Arbitraries.oneOf(
                BadInputs.withInvalidFields(validPerson, invalidPerson)
                        .map(body -> new HttpCall("PUT", "/api/departments/office/head", "application/json", body)),
                BadInputs.withInvalidFields(validPerson, invalidPerson)
                        .map(body -> HttpCall.postJson("/api/departments/office/members", body)),
                Arbitraries.of("boss", "Member", "").map(role -> HttpCall.postJson("/api/departments/office/members",
                        "{\"studentNumber\":\"2022999999\",\"name\":\"x\",\"role\":\"" + role + "\"}")),
                Arbitraries.of("{}", "{\"studentNumber\":\"\"}", "[]")
                        .map(body -> new HttpCall("PUT", "/api/clubs/" + club + "/liaison-officer", "application/json", body)));
        Arbitrary<HttpCall> unknownDepartments = Arbitraries.of("cooking", "Organization", "presidium")
                .map(d -> HttpCall.postJson("/api/departments/" + d + "/members", "{\"studentNumber\":\"2022999999\",\"name\":\"x\"}"));

        Map<String, Object> validRequest = new LinkedHashMap<>();
        validRequest.put("department", "publicity");
        validRequest.put("title", "Showcase booklet");
        validRequest.put("fields", List.of("constitution"));
        validRequest.put("maxAgeDays", 30);
        validRequest.put("deadline", "2999-01-01T00:00:00Z");
        validRequest.put("clubIds", List.of(club));
        Map<String, Arbitrary<Object>> invalidRequest = new LinkedHashMap<>();
        invalidRequest.put("department", Arbitraries.oneOf(blankOrHuge(40), structurallyWrong(), absent()));
        invalidRequest.put("title", Arbitraries.oneOf(blankOrHuge(300), structurallyWrong(), absent()));
        invalidRequest.put("fields", Arbitraries.oneOf(Arbitraries.of(List.of(), List.of(" ")), Arbitraries.just("contact"), absent()));
        invalidRequest.put("maxAgeDays", Arbitraries.oneOf(Arbitraries.of(-1, 100_000, "a month"), structurallyWrong(), absent()));
        invalidRequest.put("deadline", Arbitraries.oneOf(Arbitraries.of("soon", "2001-13-01T00:00:00Z"), structurallyWrong(),
                absent()));
        invalidRequest.put("clubIds", Arbitraries.oneOf(Arbitraries.of(List.of(" ")), Arbitraries.just("all")));
        Arbitrary<HttpCall> requests = BadInputs.withInvalidFields(validRequest, invalidRequest)
                .map(body -> HttpCall.postJson("/api/information-requests", body));
        // well formed, against the rules: no such department, field or club; a field twice; a deadline
        // already past (by business time, so the service checks it, not bean validation's wall clock)
        Arbitrary<HttpCall> ruleBreakingRequests = BadInputs.withInvalidFields(validRequest, Map.of(
                        "deadline", Arbitraries.of("2001-01-01T00:00:00Z"),
                        "department", Arbitraries.of("cooking", "Publicity", "presidium"),
                        "fields", Arbitraries.of(List.of("favouriteColour"), List.of("contact", "contact")),
                        "clubIds", Arbitraries.just(List.of("no-such-club"))))
                .map(body -> HttpCall.postJson("/api/information-requests", body));
        Arbitrary<HttpCall> answers = Arbitraries.of("{}", "{\"answers\":{}}", "{\"answers\":[]}",
                        "{\"answers\":{\"constitution\":\" \"}}", "{\"answers\":\"x\"}")
                .map(body -> HttpCall.postJson("/api/information-requests/no-such-request/clubs/" + club + "/answers", body));
        Arbitrary<HttpCall> profileReads = Arbitraries.of("", "?field=", "?field=contact&asOf=yesterday")
                .map(q -> HttpCall.get("/api/clubs/" + club + "/profile/history" + q));

        String branchPath = "/api/clubs/" + club + "/league-branch";
        Arbitrary<HttpCall> branches = Arbitraries.oneOf(
                Arbitraries.of("{}", "{\"secretary\":\" \",\"members\":[]}", "{\"secretary\":\"a\"}",
                        "{\"secretary\":\"a\",\"members\":\"b\"}", "{\"secretary\":\"a\",\"members\":[\" \"]}")
                        .map(body -> HttpCall.postJson(branchPath, body)),
                Arbitraries.of("{}", "{\"studentNumber\":\"\"}", "[]").map(body -> HttpCall.postJson(branchPath + "/members", body)),
                Arbitraries.of("{\"award\":\"red-flag-branch\",\"year\":\"26\"}", "{\"award\":\" \",\"year\":\"2026\"}",
                        "{\"year\":\"2026\"}", "{\"award\":\"red-flag-branch\",\"year\":\"2026\",\"recipient\":\"\"}")
                        .map(body -> HttpCall.postJson(branchPath + "/awards", body)));

        Map<String, Object> validPosition = Map.of("role", "treasurer", "description", "books",
                "closesAt", "2999-01-01T00:00:00Z");
        Map<String, Arbitrary<Object>> invalidPosition = Map.of(
                "role", Arbitraries.oneOf(Arbitraries.of("Treasurer", "the boss!", "x", ""), structurallyWrong(), absent()),
                "description", Arbitraries.oneOf(blankOrHuge(4000), structurallyWrong(), absent()),
                "closesAt", Arbitraries.oneOf(Arbitraries.of("2001-01-01T00:00:00Z", "next week"), structurallyWrong(), absent()));
        Arbitrary<HttpCall> recruitment = Arbitraries.oneOf(
                BadInputs.withInvalidFields(validPosition, invalidPosition)
                        .map(body -> HttpCall.postJson("/api/clubs/" + club + "/leader-positions", body)),
                Arbitraries.of("{}", "{\"statement\":\" \"}", "[]").map(body -> HttpCall.postJson(
                        "/api/leader-positions/any/applications", body)),
                Arbitraries.of("state=closed", "state=OPEN", "size=0").map(q -> HttpCall.get("/api/leader-positions?" + q)));

        Arbitrary<HttpCall> badScores = Arbitraries.of("{}", "{\"scores\":[]}",
                        "{\"scores\":{\"activities\":{\"score\":101,\"reason\":\"r\"}}}",
                        "{\"scores\":{\"activities\":{\"score\":-1,\"reason\":\"r\"}}}",
                        "{\"scores\":{\"activities\":{\"score\":50,\"reason\":\" \"}}}")
                .map(body -> new HttpCall("PUT", "/api/clubs/" + club + "/evaluations/2026-2027", "application/json", body));
        // well formed, against the rules: a criterion the federation does not score, a year not two consecutive years
        Arbitrary<HttpCall> ruleBreakingScores = Arbitraries.oneOf(
                Arbitraries.of("{\"scores\":{\"activities\":{\"score\":50,\"reason\":\"r\"}}}",
                                "{\"scores\":{\"charm\":{\"score\":50,\"reason\":\"r\"}}}")
                        .map(body -> new HttpCall("PUT", "/api/clubs/" + club + "/evaluations/2026-2027", "application/json", body)),
                Arbitraries.of("2026", "2026-2028", "x").map(y -> new HttpCall("PUT", "/api/clubs/" + club + "/evaluations/"
                        + y, "application/json", "{\"scores\":{\"activities\":{\"score\":5,\"reason\":\"r\"},"
                        + "\"department-assessment\":{\"score\":5,\"reason\":\"r\"}}}")));
        Arbitrary<HttpCall> unpreparedPublications = Arbitraries.of("2026-2027", "2999-3000")
                .map(y -> HttpCall.postJson("/api/clubs/" + club + "/evaluations/" + y + "/publication", ""));

        new BadInputCampaign(presidium, () -> StoredData.of(mongo))
                .refuses("PUT /api/clubs/{id}/evaluations/{year} (bad scores)", 400, badScores, 15)
                .refuses("PUT /api/clubs/{id}/evaluations/{year} (unscored criteria, bad years)", 422, ruleBreakingScores, 15)
                .refuses("POST /api/clubs/{id}/evaluations/{year}/publication (never prepared)", 404, unpreparedPublications, 5)
                .refuses("open recruitment (invalid positions, bad applications, bad queries)", 400, recruitment, 50)
                .refusesIds("POST /api/leader-positions/{id}/applications", ids -> ids.map(id -> HttpCall.postJson(
                        "/api/leader-positions/" + id + "/applications", "{\"statement\":\"me\"}")), 15)
                .refuses("youth-league branch commands (bad bodies)", 400, branches, 25)
                .refuses("POST /api/clubs/{id}/league-branch/awards (no branch yet)", 404, Arbitraries.just(HttpCall.postJson(
                        branchPath + "/awards", "{\"award\":\"best-party\",\"year\":\"2026\"}")), 3)
                .refuses("POST /api/information-requests (invalid fields)", 400, requests, 70)
                .refuses("POST /api/information-requests (unknown department, field or club; a field twice; a past deadline)", 422,
                        ruleBreakingRequests, 20)
                .refuses("POST information request answers (bad bodies, unknown request)", 400, answers, 20)
                .refuses("GET /api/clubs/{id}/profile/history (bad query)", 400, profileReads, 10)
                .refusesIds("GET /api/information-requests/{id}", ids -> ids.map(id -> HttpCall.get("/api/information-requests/" + id)), 20)
                .refuses("roster and liaison commands (invalid people and roles)", 400, roster, 60)
                .refuses("POST /api/departments/{department}/members (no such department)", 404, unknownDepartments, 6)
                .refuses("PUT /api/clubs/{id}/liaison-officer (not on the roster)", 422, Arbitraries.just(new HttpCall("PUT",
                        "/api/clubs/" + club + "/liaison-officer", "application/json", "{\"studentNumber\":\"nobody-on-a-roster\"}")), 3)
                .refuses("POST /api/clubs/{id}/membership-applications (bad body)", 400, applications, 30)
                .refuses("POST membership decisions and removals (bad reason)", 400, decisions, 35)
                .refusesIds("POST /api/clubs/{id}/membership-applications/{applicationId}/approval", ids -> ids.map(id ->
                        HttpCall.postJson("/api/clubs/" + club + "/membership-applications/" + id + "/approval", "")), 25)
                .survives("GET /api/clubs/{id}/members|membership-applications (bad query)", memberQueries, 40)
                .refuses("POST /api/credentials/verification (bad body)", 400, verifications, 30)
                .refuses("GET activity record and member attendance (bad year)", 422, Arbitraries.of("2026", "2026-2028", "x",
                        "2026-2027-2028").flatMap(y -> Arbitraries.of(
                                HttpCall.get("/api/clubs/" + club + "/activity-record?year=" + y),
                                HttpCall.get("/api/clubs/" + club + "/members/2099000008/attendance?year=" + y))), 20)
                .refusesIds("GET activity record and member attendance", ids -> ids.flatMap(id -> Arbitraries.of(
                        HttpCall.get("/api/clubs/" + id + "/activity-record"),
                        HttpCall.get("/api/clubs/" + id + "/members/2099000008/attendance"))), 20)
                .refuses("POST /api/clubs/{id}/suspension|reinstatement|dissolution (bad reason)", 400, reasons, 60)
                .refuses("POST /api/clubs/{id}/elections (invalid fields)", 400, elections, 150)
                .refuses("POST /api/clubs/{id}/elections (broken JSON)", 400, brokenElections, 40)
                .refuses("POST /api/registration-windows (invalid fields)", 400, windows, 45)
                .refuses("POST /api/registration-windows (years not consecutive, deadline passed)", 422, ruleBreakingWindows, 15)
                .refuses("POST /api/clubs/{id}/registrations/{year} (invalid fields)", 400, registrations, 60)
                .refuses("POST /api/clubs/{id}/registrations/{year} (years not consecutive)", 422, registrationYears, 10)
                .refuses("POST /api/clubs/{id}/registrations/{year} (no registration window)", 404, Arbitraries.just(
                        HttpCall.postJson("/api/clubs/" + club + "/registrations/3000-3001", "{}")), 3)
                .refusesIds("POST /api/clubs/{id}/registrations/{year}", ids -> ids.map(id -> HttpCall.postJson(
                        "/api/clubs/" + id + "/registrations/" + year, "{}")), 20)
                .refuses("POST /api/mergers (malformed)", 400, malformedMergers, 15)
                .refuses("POST /api/mergers (incoherent, unknown clubs)", 422, incoherentMergers, 20)
                .refuses("GET /api/clubs (bad filters)", 400, filters, 12)
                .refusesIds("GET /api/clubs/{id}/lifecycle|leadership|lineage", ids -> Arbitraries.of("lifecycle", "leadership",
                        "lineage").flatMap(view -> ids.map(id -> HttpCall.get("/api/clubs/" + id + "/" + view))), 30)
                .verify();
    }
}
