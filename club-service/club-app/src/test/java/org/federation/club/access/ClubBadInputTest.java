package org.federation.club.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.BadInputs.absent;
import static org.federation.platform.testing.BadInputs.blankOrHuge;
import static org.federation.platform.testing.BadInputs.structurallyWrong;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
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
                structurallyWrong(), absent()));
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

    @Test
    void everyEndpointSurvivesGeneratedBadInputWithAPreciseProblemAndNoChange() {
        HttpProbe presidium = Persona.PRESIDIUM.on(app());
        Arbitrary<HttpCall> badClubs = BadInputs.withInvalidFields(validClub(), invalidClubFields())
                .map(body -> HttpCall.postJson("/api/clubs", body));
        Arbitrary<HttpCall> brokenJson = BadInputs.brokenJson(validClub()).map(body -> HttpCall.postJson("/api/clubs", body));
        Arbitrary<HttpCall> wrongMediaType = Arbitraries.of("text/plain", "application/xml", "text/csv",
                "application/x-www-form-urlencoded", "image/png").map(type -> HttpCall.post("/api/clubs", type, "{}"));
        Arbitrary<HttpCall> tooLarge = Arbitraries.just(HttpCall.postJson("/api/clubs", BadInputs.oversizedBody()));
        Arbitrary<HttpCall> csv = badCsv().map(body -> HttpCall.post("/api/clubs/import", "text/csv", body));
        Arbitrary<HttpCall> multipart = Arbitraries.oneOf(
                badCsv().map(body -> HttpCall.post("/api/clubs/import", "multipart/form-data; boundary=xyz",
                        ClubAccessTest.multipart(body))),
                Arbitraries.of("--xyz--\r\n", "no boundary at all", "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--xyz--\r\n")
                        .map(body -> HttpCall.post("/api/clubs/import", "multipart/form-data; boundary=xyz", body)));
        Arbitrary<HttpCall> paging = BadInputs.badPaging().map(query -> HttpCall.get("/api/clubs?" + query));
        Arbitrary<HttpCall> unknownIds = BadInputs.unknownIds().map(id -> HttpCall.get("/api/clubs/" + id));

        int cases = new BadInputCampaign(presidium, () -> StoredData.of(mongo))
                .refuses("POST /api/clubs (invalid fields)", badClubs, 450)
                .refuses("POST /api/clubs (broken JSON)", brokenJson, 150)
                .refuses("POST /api/clubs (wrong media type)", wrongMediaType, 20)
                .refuses("POST /api/clubs (body over 1 MB)", tooLarge, 3)
                .refuses("POST /api/clubs/import text/csv", csv, 200)
                .refuses("POST /api/clubs/import multipart/form-data", multipart, 60)
                .survives("GET /api/clubs (paging)", paging, 100)
                .refuses("GET /api/clubs/{id} (unknown ids)", unknownIds, 100)
                .verify();
        assertThat(cases).isGreaterThanOrEqualTo(1000);
    }
}
