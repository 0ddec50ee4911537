package org.federation.club.access;

import static org.federation.platform.testing.BadInputs.absent;
import static org.federation.platform.testing.BadInputs.blankOrHuge;
import static org.federation.platform.testing.BadInputs.structurallyWrong;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.founding.FoundingFixtures;
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
 * Generated malformed and boundary input at every club-service endpoint, sent by the presidium
 * (so it is the input, not the caller's rights, that is refused): never a 5xx, always a precise
 * problem, and nothing stored changes.
 */
@ClubServiceTest
class ClubBadInputTest extends EmbeddedBackboneProperties {

    private static final Set<String> CATEGORIES =
            Set.of("academic-technology", "arts-culture", "sports", "volunteering", "entrepreneurship", "other");


    static Map<String, Object> validClub() {
        Map<String, Object> club = new LinkedHashMap<>();
        club.put("name", "Valid base club");
        club.put("category", "sports");
        club.put("foundedOn", "2015-09-01");
        club.put("leaderName", "李雷");
        club.put("leaderStudentNumber", "2023010001");
        club.put("contact", "club@example.edu");
        return club;
    }

    static Map<String, Arbitrary<Object>> invalidClubFields() {
        Map<String, Arbitrary<Object>> invalid = new LinkedHashMap<>();
        invalid.put("name", Arbitraries.oneOf(blankOrHuge(80), structurallyWrong(), absent()));
        invalid.put("category", Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(30).filter(c -> !CATEGORIES.contains(c)).map(c -> c),
                Arbitraries.of("Sports", "SPORTS", "arts", "academic_technology", " sports"),
                blankOrHuge(40), structurallyWrong(), absent()));
        invalid.put("foundedOn", Arbitraries.oneOf(
                Arbitraries.of("01/09/2015", "2015-13-01", "2023-02-30", "2015-9-1", "yesterday", ""),
                Arbitraries.integers().between(2100, 9999).map(y -> y + "-01-01"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> s),
                BadInputs.notADate(), structurallyWrong(), absent()));
        invalid.put("leaderName", Arbitraries.oneOf(blankOrHuge(60), structurallyWrong(), absent()));
        invalid.put("leaderStudentNumber", Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(3).map(s -> s),
                Arbitraries.strings().numeric().ofMinLength(21).ofMaxLength(40).map(s -> s),
                Arbitraries.strings().withChars("-_ .@/中").ofMinLength(4).ofMaxLength(10).map(s -> s),
                structurallyWrong(), absent()));
        invalid.put("contact", Arbitraries.oneOf(blankOrHuge(200), structurallyWrong(), absent()));
        invalid.put("memberStudentNumbers", Arbitraries.oneOf(
                Arbitraries.of(List.of("ab"), List.of(""), List.of("2023010002", "no spaces allowed"), Map.of("a", 1)),
                Arbitraries.just(java.util.Collections.nCopies(2001, "2023010002"))));
        return invalid;
    }

    private static Arbitrary<String> badCsv() {
        String header = "name,category,foundedOn,leaderName,leaderStudentNumber,contact";
        String good = "Good row club,sports,2015-09-01,李雷,2023010001,club@example.edu";
        Arbitrary<String> definitelyBad = Arbitraries.oneOf(
                Arbitraries.of(",sports,2015-09-01,李雷,2023010001,c@example.edu",
                        "Cooking,cooking,2015-09-01,李雷,2023010001,c@example.edu",
                        "Dates,sports,10/10/2019,李雷,2023010001,c@example.edu",
                        "Future,sports,2999-01-01,李雷,2023010001,c@example.edu",
                        "Number,sports,2015-09-01,李雷,12,c@example.edu",
                        "too,few,columns", "a,b,c,d,e,f,g,h", "\"unterminated,sports"),
                BadInputs.anyText(120).map(s -> s.replace('\n', ' ').replace('\r', ' '))
                        // a blank line is no row at all, so it cannot stand for the bad one
                        .filter(s -> !s.isBlank() && s.split(",", -1).length != 6));
        // good rows mixed in: the bad one must keep them out too (all or nothing)
        Arbitrary<String> anyRow = Arbitraries.oneOf(definitelyBad, Arbitraries.just(good));
        Arbitrary<String> rows = net.jqwik.api.Combinators.combine(anyRow.list().ofMaxSize(5), definitelyBad)
                .as((others, bad) -> {
                    List<String> all = new java.util.ArrayList<>(others);
                    all.add(others.size() / 2, bad);
                    return String.join("\n", all);
                });
        return Arbitraries.oneOf(
                rows.map(body -> header + "\n" + body),
                Arbitraries.of("", header, header + "\n", "name;category\nx;y", "just text"),
                BadInputs.anyText(300));
    }

    // ---- founding ----

    private static final List<Persona> FOUNDING_INITIATORS = List.of(Persona.PRESIDIUM, Persona.MEMBER, Persona.LEADER);
    private static final List<Persona> FOUNDING_PANEL = List.of(Persona.PRESIDIUM, Persona.ORGANIZATION_HEAD,
            Persona.ORGANIZATION_MEMBER);

    static Map<String, Object> validApplication() {
        return FoundingFixtures.application("Valid base application", FoundingFixtures.numbers(FOUNDING_INITIATORS));
    }

    private static Map<String, Object> initiator(String number, String name, String role) {
        Map<String, Object> initiator = new LinkedHashMap<>();
        initiator.put("studentNumber", number);
        initiator.put("name", name);
        if (role != null) {
            initiator.put("role", role);
        }
        return initiator;
    }

    static Map<String, Arbitrary<Object>> invalidApplicationFields() {
        String presidium = Persona.PRESIDIUM.subject();
        Map<String, Arbitrary<Object>> invalid = new LinkedHashMap<>();
        invalid.put("proposedName", Arbitraries.oneOf(blankOrHuge(80), structurallyWrong(), absent()));
        invalid.put("category", Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(30).filter(c -> !CATEGORIES.contains(c)).map(c -> c),
                blankOrHuge(40), structurallyWrong(), absent()));
        invalid.put("purpose", Arbitraries.oneOf(blankOrHuge(2000), structurallyWrong(), absent()));
        invalid.put("plannedActivities", Arbitraries.oneOf(
                Arbitraries.of(List.of(), List.of(""), List.of("ok", " "), Map.of("a", 1), 42, "just text"),
                Arbitraries.just(java.util.Collections.nCopies(31, "an activity")),
                Arbitraries.just(List.of("x".repeat(301))), absent()));
        invalid.put("facultyAdvisor", Arbitraries.oneOf(blankOrHuge(120), structurallyWrong(), absent()));
        invalid.put("constitution", Arbitraries.oneOf(Arbitraries.of("", " ", "\n"), Arbitraries.just(null),
                structurallyWrong(), absent()));
        invalid.put("contact", Arbitraries.oneOf(blankOrHuge(200), structurallyWrong(), absent()));
        invalid.put("initiators", Arbitraries.oneOf(
                Arbitraries.just(List.of(initiator(presidium, "甲", "chairman"), initiator("2024990001", "乙", null),
                        initiator("2024990002", "丙", null))),
                Arbitraries.just(List.of(initiator("12", "甲", null), initiator("2024990001", "乙", null),
                        initiator("2024990002", "丙", null))),
                Arbitraries.just(List.of(initiator(presidium, "", null), initiator("2024990001", "乙", null),
                        initiator("2024990002", "丙", null))),
                Arbitraries.just(java.util.Arrays.asList(initiator(presidium, "甲", null), null)),
                Arbitraries.of(List.of(), List.of("an", "array"), Map.of("a", 1), "text"),
                Arbitraries.just(java.util.Collections.nCopies(101, initiator(presidium, "甲", null))),
                absent()));
        return invalid;
    }

    /** Initiators well formed but against the founding rules (422): too few, twice, without the submitter, two presidents, no president. */
    static Arbitrary<Object> ruleBreakingInitiators() {
        String presidium = Persona.PRESIDIUM.subject();
        return Arbitraries.oneOf(
                Arbitraries.just(List.of(initiator(presidium, "甲", null), initiator("2024990001", "乙", null))),
                Arbitraries.just(List.of(initiator(presidium, "甲", null), initiator("2024990001", "乙", null),
                        initiator("2024990001", "乙", null))),
                Arbitraries.just(List.of(initiator("2024990001", "乙", null), initiator("2024990002", "丙", null),
                        initiator("2024990003", "丁", null))),
                Arbitraries.just(List.of(initiator(presidium, "甲", "president"), initiator("2024990001", "乙", "president"),
                        initiator("2024990002", "丙", null))),
                Arbitraries.just(List.of(initiator(presidium, "甲", "treasurer"), initiator("2024990001", "乙", null),
                        initiator("2024990002", "丙", null))));
    }

    /** Review bodies that are malformed (400): results missing, of the wrong shape, a criterion blank or a note too long. */
    private static Arbitrary<String> malformedReviews(List<String> criteria) {
        Arbitrary<Object> badResults = Arbitraries.oneOf(
                Arbitraries.of(List.of(), Map.of("a", 1), "text", 42),
                Arbitraries.just(List.of(Map.of("criterion", criteria.get(0), "passed", "maybe"))),
                Arbitraries.just(List.of(Map.of("criterion", "", "passed", true))),
                Arbitraries.just(List.of(Map.of("passed", true))),
                Arbitraries.just(List.of(Map.of("criterion", criteria.get(0)))),
                Arbitraries.just(List.of(Map.of("criterion", criteria.get(0), "passed", false, "note", "x".repeat(1001)))));
        return Arbitraries.oneOf(badResults.map(results -> FoundingFixtures.json(Map.of("results", results))),
                Arbitraries.of("{}", "{\"results\":null}"));
    }

    /** Well-formed reviews against the rules (422): unknown, missing, doubled and unexplained criteria. */
    private static Arbitrary<String> ruleBreakingReviews(List<String> criteria) {
        Arbitrary<Object> badResults = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(unknown -> {
                    List<Object> all = new java.util.ArrayList<>(criteria.stream()
                            .map(c -> (Object) Map.of("criterion", c, "passed", true)).toList());
                    all.add(Map.of("criterion", "unknown-" + unknown, "passed", true));
                    return all;
                }),
                Arbitraries.integers().between(0, criteria.size() - 1).map(drop -> criteria.stream()
                        .filter(c -> !c.equals(criteria.get(drop))).map(c -> (Object) Map.of("criterion", c, "passed", true))
                        .toList()),
                Arbitraries.integers().between(0, criteria.size() - 1).map(twice -> {
                    List<Object> all = new java.util.ArrayList<>(criteria.stream()
                            .map(c -> (Object) Map.of("criterion", c, "passed", true)).toList());
                    all.add(Map.of("criterion", criteria.get(twice), "passed", true));
                    return all;
                }),
                Arbitraries.integers().between(0, criteria.size() - 1).map(failed -> criteria.stream()
                        .map(c -> (Object) Map.of("criterion", c, "passed", !c.equals(criteria.get(failed)))).toList()));
        return badResults.map(results -> FoundingFixtures.json(Map.of("results", results)));
    }

    private static Map<String, Object> validHearing() {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("scheduledAt", "2999-01-01T10:00:00Z");
        valid.put("place", "Student Centre 201");
        valid.put("panel", FOUNDING_PANEL.stream().map(p -> Map.of("number", p.subject(), "name", p.name())).toList());
        return valid;
    }

    /** Hearings with malformed fields (400): a time not in the future or not a time, a blank place, a malformed panel. */
    private static Arbitrary<String> badHearings() {
        Map<String, Arbitrary<Object>> invalid = new LinkedHashMap<>();
        invalid.put("scheduledAt", Arbitraries.oneOf(
                Arbitraries.of("2020-01-01T10:00:00Z", "2024-05-01T00:00:00Z", "tomorrow", "2999-13-01T10:00:00Z",
                        "", "10:00"),
                structurallyWrong(), absent()));
        invalid.put("place", Arbitraries.oneOf(blankOrHuge(200), structurallyWrong(), absent()));
        Map<String, Object> member = Map.of("number", Persona.ORGANIZATION_HEAD.subject(), "name", "乙");
        invalid.put("panel", Arbitraries.oneOf(
                Arbitraries.just(List.of(member, Map.of("number", "1", "name", "x"), Map.of("number", "2024990009", "name", ""))),
                Arbitraries.of(List.of(), Map.of("a", 1), "text", List.of("an", "array")),
                absent()));
        return BadInputs.withInvalidFields(validHearing(), invalid);
    }

    /** Well-formed hearings whose panel breaks a rule (422): too small, someone twice, an initiator on it. */
    private static Arbitrary<String> ruleBreakingHearings() {
        Map<String, Object> member = Map.of("number", Persona.ORGANIZATION_HEAD.subject(), "name", "乙");
        return BadInputs.withInvalidFields(validHearing(), Map.of("panel", Arbitraries.oneOf(
                Arbitraries.just(List.of(member, Map.of("number", Persona.FINANCE_MEMBER.subject(), "name", "丙"))),
                Arbitraries.just(List.of(member, member, Map.of("number", Persona.FINANCE_MEMBER.subject(), "name", "丙"))),
                Arbitraries.just(List.of(member, Map.of("number", Persona.MEMBER.subject(), "name", "丙"),
                        Map.of("number", Persona.FINANCE_MEMBER.subject(), "name", "丁"))))));
    }

    private static Arbitrary<String> badBallots() {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("choice", "approve");
        valid.put("comment", "fine");
        Map<String, Arbitrary<Object>> invalid = new LinkedHashMap<>();
        invalid.put("choice", Arbitraries.oneOf(
                Arbitraries.of("Approve", "APPROVE", "yes", "veto", " approve", ""),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                        .filter(c -> !Set.of("approve", "reject", "abstain").contains(c)).map(c -> c),
                structurallyWrong(), absent()));
        invalid.put("comment", Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1001).ofMaxLength(1500).map(c -> c), structurallyWrong()));
        return BadInputs.withInvalidFields(valid, invalid);
    }

    private static Arbitrary<HttpCall> wrongMediaTypes(String path) {
        return Arbitraries.of("text/plain", "application/xml", "text/csv", "application/x-www-form-urlencoded")
                .map(type -> HttpCall.post(path, type, "{}"));
    }

    @Test
    void everyFoundingEndpointSurvivesGeneratedBadInputWithAPreciseProblemAndNoChange() {
        HttpProbe presidium = Persona.PRESIDIUM.on(app());
        String applications = FoundingFixtures.PATH;
        List<String> criteria = FoundingFixtures.criteria(app());
        // the presidium initiates some applications (so the rules, not its rights, refuse) and reviews others
        String submitted = FoundingFixtures.submit(app(), FoundingFixtures.unique("Bad input submitted"), FOUNDING_INITIATORS);
        String returned = FoundingFixtures.returned(app(), FoundingFixtures.unique("Bad input returned"), FOUNDING_INITIATORS);
        String qualified = FoundingFixtures.qualified(app());
        String scheduled = FoundingFixtures.scheduled(app(), java.time.Instant.now().plusSeconds(3600), FOUNDING_PANEL);

        Arbitrary<String> badApplications = BadInputs.withInvalidFields(validApplication(), invalidApplicationFields());
        Arbitrary<HttpCall> submissions = badApplications.map(body -> HttpCall.postJson(applications, body));
        Arbitrary<HttpCall> brokenSubmissions = BadInputs.brokenJson(validApplication())
                .map(body -> HttpCall.postJson(applications, body));
        Arbitrary<HttpCall> resubmissions = Arbitraries.oneOf(badApplications, BadInputs.brokenJson(validApplication()))
                .map(body -> HttpCall.postJson(applications + "/" + returned + "/resubmission", body));
        Arbitrary<String> ruleBreakingApplications = BadInputs.withInvalidFields(validApplication(),
                Map.of("initiators", ruleBreakingInitiators()));
        Arbitrary<HttpCall> ruleBreakingSubmissions = ruleBreakingApplications.map(body -> HttpCall.postJson(applications, body));
        Arbitrary<HttpCall> ruleBreakingResubmissions = ruleBreakingApplications
                .map(body -> HttpCall.postJson(applications + "/" + returned + "/resubmission", body));
        Arbitrary<HttpCall> withdrawals = Arbitraries.oneOf(
                Arbitraries.oneOf(blankOrHuge(500), structurallyWrong()).map(reason -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("reason", reason);
                    return FoundingFixtures.json(body);
                }),
                Arbitraries.of("{}"), BadInputs.brokenJson(Map.of("reason", "x")))
                .map(body -> HttpCall.postJson(applications + "/" + submitted + "/withdrawal", body));
        Arbitrary<HttpCall> reviews = Arbitraries.oneOf(malformedReviews(criteria), BadInputs.brokenJson(Map.of("results", List.of())))
                .map(body -> HttpCall.postJson(applications + "/" + submitted + "/review", body));
        Arbitrary<HttpCall> ruleBreakingReviews = ruleBreakingReviews(criteria)
                .map(body -> HttpCall.postJson(applications + "/" + submitted + "/review", body));
        Arbitrary<HttpCall> hearings = Arbitraries.oneOf(badHearings(), BadInputs.brokenJson(Map.of("place", "x")))
                .map(body -> HttpCall.postJson(applications + "/" + qualified + "/hearing", body));
        Arbitrary<HttpCall> ballots = Arbitraries.oneOf(badBallots(), BadInputs.brokenJson(Map.of("choice", "approve")))
                .map(body -> HttpCall.postJson(applications + "/" + scheduled + "/hearing/ballots", body));
        Arbitrary<HttpCall> earlyBallots = Arbitraries.of(FoundingFixtures.ballot("approve", null), FoundingFixtures.ballot("reject", null))
                .map(body -> HttpCall.postJson(applications + "/" + scheduled + "/hearing/ballots", body));
        Arbitrary<HttpCall> illegalSteps = Arbitraries.of(
                HttpCall.post(applications + "/" + scheduled + "/hearing/closing", "application/json", ""),
                HttpCall.post(applications + "/" + submitted + "/hearing/closing", null, null),
                HttpCall.postJson(applications + "/" + qualified + "/review", FoundingFixtures.passingReview(app())),
                HttpCall.postJson(applications + "/" + submitted + "/hearing",
                        FoundingFixtures.hearing(java.time.Instant.now().plusSeconds(3600), FOUNDING_PANEL)),
                HttpCall.postJson(applications + "/" + submitted + "/resubmission",
                        FoundingFixtures.json(validApplication())));
        Arbitrary<HttpCall> mediaTypes = Arbitraries.oneOf(wrongMediaTypes(applications),
                wrongMediaTypes(applications + "/" + submitted + "/review"),
                wrongMediaTypes(applications + "/" + qualified + "/hearing"),
                wrongMediaTypes(applications + "/" + scheduled + "/hearing/ballots"),
                wrongMediaTypes(applications + "/" + submitted + "/withdrawal"),
                wrongMediaTypes(applications + "/" + returned + "/resubmission"));
        java.util.function.Function<Arbitrary<String>, Arbitrary<HttpCall>> withIds = ids -> ids.flatMap(id -> Arbitraries.of(
                HttpCall.get(applications + "/" + id),
                HttpCall.postJson(applications + "/" + id + "/review", FoundingFixtures.passingReview(app())),
                HttpCall.postJson(applications + "/" + id + "/hearing",
                        FoundingFixtures.hearing(java.time.Instant.now().plusSeconds(3600), FOUNDING_PANEL)),
                HttpCall.postJson(applications + "/" + id + "/hearing/ballots", FoundingFixtures.ballot("approve", null)),
                HttpCall.post(applications + "/" + id + "/hearing/closing", "application/json", ""),
                HttpCall.postJson(applications + "/" + id + "/withdrawal", "{\"reason\":\"x\"}"),
                HttpCall.postJson(applications + "/" + id + "/resubmission", FoundingFixtures.json(validApplication()))));
        Arbitrary<HttpCall> states = Arbitraries.oneOf(
                Arbitraries.of("Submitted", "SUBMITTED", "open", "", "hearing_scheduled", "all"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).filter(s -> !s.matches(
                        "submitted|returned|qualified|inconclusive|approved|established|rejected|withdrawn"))
                        .map(s -> s))
                .map(state -> HttpCall.get(applications + "?state=" + BadInputs.encode(state)));
        Arbitrary<HttpCall> paging = BadInputs.badPaging().map(query -> HttpCall.get(applications + "?" + query));

        new BadInputCampaign(presidium, () -> StoredData.of(mongo))
                .refuses("POST /api/founding-applications (invalid fields)", 400, submissions, 300)
                .refuses("POST /api/founding-applications (initiators against the rules)", 422, ruleBreakingSubmissions, 30)
                .refuses("POST /api/founding-applications (broken JSON)", 400, brokenSubmissions, 100)
                .refuses("POST /api/founding-applications (body over 1 MB)", 413,
                        Arbitraries.just(HttpCall.postJson(applications, BadInputs.oversizedBody())), 2)
                .refuses("POST /api/founding-applications/{id}/resubmission (invalid fields, broken JSON)", 400, resubmissions, 150)
                .refuses("POST /api/founding-applications/{id}/resubmission (initiators against the rules)", 422,
                        ruleBreakingResubmissions, 20)
                .refuses("POST /api/founding-applications/{id}/withdrawal", 400, withdrawals, 60)
                .refuses("POST /api/founding-applications/{id}/review (malformed)", 400, reviews, 120)
                .refuses("POST /api/founding-applications/{id}/review (criteria against the rules)", 422, ruleBreakingReviews, 40)
                .refuses("POST /api/founding-applications/{id}/hearing (malformed)", 400, hearings, 130)
                .refuses("POST /api/founding-applications/{id}/hearing (panel against the rules)", 422, ruleBreakingHearings()
                        .map(body -> HttpCall.postJson(applications + "/" + qualified + "/hearing", body)), 20)
                .refuses("POST /api/founding-applications/{id}/hearing/ballots (malformed)", 400, ballots, 90)
                .refuses("POST /api/founding-applications/{id}/hearing/ballots (before the hearing begins)", 409, earlyBallots, 10)
                .refuses("founding steps the state does not allow", 409, illegalSteps, 15)
                .refuses("founding commands (wrong media type)", 415, mediaTypes, 30)
                .refusesIds("founding endpoints", withIds, 120)
                .refuses("GET /api/founding-applications (unknown state)", 400, states, 40)
                .refuses("GET /api/founding-applications (paging)", 400, paging, 60)
                .verify();
    }

    /**
     * Defect (issue 15): a list's {@code size=} or {@code page=} left empty read as "not given" and
     * {@code size=0x10} as 16, so the default page came back (200) for a malformed query. The web
     * kit's {@code PagingParameters} refuses them; decimal paging still lists.
     */
    @Test
    void pagingNotWrittenInDecimalDigitsIsA400NotTheDefaultPage() {
        HttpProbe presidium = Persona.PRESIDIUM.on(app());
        for (String query : List.of("size=", "page=", "size=0x10", "page=0x1", "size=%2010")) {
            for (String list : List.of("/api/clubs?", FoundingFixtures.PATH + "?")) {
                HttpProbe.Response response = presidium.get(list + query);
                org.assertj.core.api.Assertions.assertThat(response.status()).as(list + query).isEqualTo(400);
                org.assertj.core.api.Assertions.assertThat(response.contentType()).startsWith("application/problem+json");
                org.assertj.core.api.Assertions.assertThat(response.body()).contains("must be a whole number");
            }
        }
        org.assertj.core.api.Assertions.assertThat(presidium.get("/api/clubs?size=16&page=0").status()).isEqualTo(200);
    }

    @Test
    void everyEndpointSurvivesGeneratedBadInputWithAPreciseProblemAndNoChange() {
        HttpProbe presidium = Persona.PRESIDIUM.on(app());
        Arbitrary<HttpCall> badClubs = BadInputs.withInvalidFields(validClub(), invalidClubFields())
                .map(body -> HttpCall.postJson("/api/clubs", body));
        Arbitrary<HttpCall> brokenJson = BadInputs.brokenJson(validClub()).map(body -> HttpCall.postJson("/api/clubs", body));
        Arbitrary<HttpCall> wrongMediaType = Arbitraries.of("text/plain", "application/xml", "text/csv",
                "application/x-www-form-urlencoded", "image/png").map(type -> HttpCall.post("/api/clubs", type, "{}"));
        Arbitrary<HttpCall> tooLarge = Arbitraries.just(HttpCall.postJson("/api/clubs", BadInputs.oversizedBody()));
        // a file that is there but wrong (no header, bad rows) is refused row by row (422); no file at all is a 400
        Arbitrary<HttpCall> csv = badCsv().filter(body -> !body.isEmpty())
                .map(body -> HttpCall.post("/api/clubs/import", "text/csv", body));
        Arbitrary<HttpCall> multipart = badCsv().map(body -> HttpCall.post("/api/clubs/import", "multipart/form-data; boundary=xyz",
                ClubAccessTest.multipart(body)));
        Arbitrary<HttpCall> noFile = Arbitraries.oneOf(Arbitraries.just(HttpCall.post("/api/clubs/import", "text/csv", "")),
                Arbitraries.of("--xyz--\r\n", "no boundary at all", "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--xyz--\r\n")
                        .map(body -> HttpCall.post("/api/clubs/import", "multipart/form-data; boundary=xyz", body)));
        Arbitrary<HttpCall> paging = BadInputs.badPaging().map(query -> HttpCall.get("/api/clubs?" + query));

        new BadInputCampaign(presidium, () -> StoredData.of(mongo))
                .refuses("POST /api/clubs (invalid fields)", 400, badClubs, 450)
                .refuses("POST /api/clubs (broken JSON)", 400, brokenJson, 150)
                .refuses("POST /api/clubs (wrong media type)", 415, wrongMediaType, 20)
                .refuses("POST /api/clubs (body over 1 MB)", 413, tooLarge, 3)
                .refuses("POST /api/clubs/import text/csv (bad files)", 422, csv, 200)
                .refuses("POST /api/clubs/import multipart/form-data (bad files)", 422, multipart, 50)
                .refuses("POST /api/clubs/import (no file)", 400, noFile, 10)
                .refuses("GET /api/clubs (paging)", 400, paging, 100)
                .refusesIds("GET /api/clubs/{id}", ids -> ids.map(id -> HttpCall.get("/api/clubs/" + id)), 100)
                .verify();
    }
}
