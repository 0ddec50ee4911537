package org.federation.club.access;

import static org.federation.platform.testing.AuthorizationMatrix.Expect.everyone;
import static org.federation.platform.testing.AuthorizationMatrix.Expect.only;
import static org.federation.platform.testing.Persona.FINANCE_MEMBER;
import static org.federation.platform.testing.Persona.LEADER;
import static org.federation.platform.testing.Persona.MEMBER;
import static org.federation.platform.testing.Persona.ORGANIZATION_HEAD;
import static org.federation.platform.testing.Persona.ORGANIZATION_MEMBER;
import static org.federation.platform.testing.Persona.PRESIDIUM;
import static org.federation.platform.testing.Persona.PUBLICITY_MEMBER;
import static org.federation.platform.testing.Persona.EVALUATION_MEMBER;
import static org.federation.platform.testing.Persona.EXTERNAL_RELATIONS_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.club.lifecycle.ClubLifecycleTest.newClub;
import static org.federation.club.lifecycle.ClubLifecycleTest.randomYear;
import static org.federation.platform.testing.Persona.ANONYMOUS;
import static org.federation.platform.testing.Persona.STUDENT;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest.ElectionJson;
import org.federation.club.founding.FoundingFixtures;
import org.federation.platform.testing.AuthorizationMatrix;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import static org.federation.platform.testing.Persona.presidiumLiaisonAnd;
import static org.federation.platform.testing.Persona.departmentsAnd;
import org.federation.platform.testing.RefusesBadTokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call what in club-service: the public directory is open to anyone; bringing clubs
 * onto the platform is the Organization Department's (and the presidium's). Founding: anyone
 * signed in applies; the application's initiators (here the student, the member and the leader)
 * correct, withdraw and read it; the Organization Department reviews it and holds its hearing;
 * the hearing's panel (here the presidium, the organization head and member, a finance member)
 * votes; the Organization Department and the presidium read every application.
 */
@ClubServiceTest
class ClubAccessTest extends EmbeddedBackboneProperties implements RefusesBadTokens {

    static final String CSV_HEADER = "name,category,foundedOn,leaderName,leaderStudentNumber,contact\n";


    @Override
    public HttpCall protectedCall() {
        return HttpCall.postJson("/api/clubs", clubJson("Token check " + UUID.randomUUID()));
    }

    static String clubJson(String name) {
        return """
                {"name":"%s","category":"sports","foundedOn":"2015-09-01","leaderName":"李雷",
                 "leaderStudentNumber":"2023010001","contact":"club@example.edu"}""".formatted(name);
    }

    static String csvRow(String name) {
        return name + ",sports,2015-09-01,李雷,2023010001,club@example.edu\n";
    }

    static String multipart(String csv) {
        return "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"clubs.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--xyz--\r\n";
    }

    @Test
    void everyEndpointAnswersEachPersonaExactlyAsTheRulesSay() {
        HttpProbe.Response created = PRESIDIUM.on(app()).postJson("/api/clubs", clubJson("Matrix " + UUID.randomUUID()));
        String clubId = created.json().get("id").asString();
        String ledClub = newClub(app(), "matrix");
        String year = randomYear();
        assertThat(ORGANIZATION_MEMBER.on(app()).postJson("/api/registration-windows", "{\"academicYear\":\"" + year
                + "\",\"deadline\":\"2999-01-01T00:00:00Z\"}").status()).isEqualTo(201);
        String closedYear = closedWindow();
        String liaison = onRoster();
        String branchClub = branched();
        // the roster assigns the liaison persona to the clubs read below, and the other liaison officer to another club
        assignLiaison(ledClub, Persona.LIAISON);
        assignLiaison(branchClub, Persona.LIAISON);
        assignLiaison(newClub(app(), "other liaison"), Persona.OTHER_LIAISON);
        String positionId = openPosition(ledClub);
        String requestId = PRESIDIUM.on(app()).postJson("/api/information-requests", informationRequest(ledClub)).json()
                .get("id").asString();
        String mergerId = ORGANIZATION_MEMBER.on(app()).postJson("/api/mergers", "{\"mergedClubIds\":[\""
                + newClub(app(), "m1") + "\"],\"intoClubId\":\"" + newClub(app(), "m2") + "\",\"reason\":\"r\"}")
                .json().get("id").asString();
        String application = FoundingFixtures.submitted(app());
        // ballots and closings need a hearing that has begun: one application per persona, heard shortly
        Map<Persona, String> toVoteOn = new EnumMap<>(Persona.class);
        Map<Persona, String> toClose = new EnumMap<>(Persona.class);
        Instant hearing = businessClock.instant().plus(java.time.Duration.ofHours(1));
        for (Persona persona : Persona.values()) {
            toVoteOn.put(persona, FoundingFixtures.scheduled(app(), hearing, FoundingFixtures.PANEL));
            toClose.put(persona, FoundingFixtures.scheduled(app(), hearing, FoundingFixtures.PANEL));
        }
        passBusinessTime(hearing); // every hearing has begun, in business time
        String applications = FoundingFixtures.PATH;
        Persona[] signedIn = Arrays.stream(Persona.values()).filter(p -> p != Persona.ANONYMOUS).toArray(Persona[]::new);
        Persona[] initiators = FoundingFixtures.INITIATORS.toArray(Persona[]::new);

        new AuthorizationMatrix()
                .row("GET /api/clubs", HttpCall.get("/api/clubs"), everyone(200))
                .row("GET /api/clubs/{id}", HttpCall.get("/api/clubs/" + clubId), everyone(200))
                .row("POST /api/clubs", p -> HttpCall.postJson("/api/clubs", clubJson(name(p))),
                        only(201, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/clubs/import text/csv",
                        p -> HttpCall.post("/api/clubs/import", "text/csv", CSV_HEADER + csvRow(name(p))),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/clubs/import multipart/form-data",
                        p -> HttpCall.post("/api/clubs/import", "multipart/form-data; boundary=xyz",
                                multipart(CSV_HEADER + csvRow(name(p)))),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/clubs/{clubId}/lineage", HttpCall.get("/api/clubs/" + clubId + "/lineage"), everyone(200))
                .row("GET /api/clubs/{clubId}/lifecycle", HttpCall.get("/api/clubs/" + ledClub + "/lifecycle"),
                        only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER, MEMBER)))
                .row("GET /api/clubs/{clubId}/leaders", HttpCall.get("/api/clubs/" + ledClub + "/leaders?on=2026-01-01"),
                        only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER, MEMBER)))
                .row("GET /api/clubs/{clubId}/leadership", HttpCall.get("/api/clubs/" + ledClub + "/leadership"),
                        only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER, MEMBER)))
                .row("POST /api/clubs/{clubId}/suspension",
                        p -> HttpCall.postJson("/api/clubs/" + newClub(app(), "susp") + "/suspension", REASON),
                        only(200, PRESIDIUM))
                .row("POST /api/clubs/{clubId}/reinstatement",
                        p -> HttpCall.postJson("/api/clubs/" + suspendedClub() + "/reinstatement", REASON),
                        only(200, PRESIDIUM))
                .row("POST /api/clubs/{clubId}/dissolution",
                        p -> HttpCall.postJson("/api/clubs/" + newClub(app(), "diss") + "/dissolution", REASON),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER))
                .row("POST /api/clubs/{clubId}/elections",
                        p -> HttpCall.postJson("/api/clubs/" + newClub(app(), "elect") + "/elections", ElectionJson.valid()),
                        only(200, LEADER))
                .row("POST /api/clubs/{clubId}/handover-confirmation",
                        p -> HttpCall.postJson("/api/clubs/" + electedClub() + "/handover-confirmation", ""),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/registration-windows",
                        p -> HttpCall.postJson("/api/registration-windows", "{\"academicYear\":\"" + randomYear()
                                + "\",\"deadline\":\"2999-01-01T00:00:00Z\"}"),
                        only(201, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/registration-windows", HttpCall.get("/api/registration-windows"),
                        everyone(200).but(ANONYMOUS, 401))
                .row("GET /api/registration-windows/{academicYear}", HttpCall.get("/api/registration-windows/" + year),
                        everyone(200).but(ANONYMOUS, 401))
                .row("GET /api/clubs/{clubId}/registrations/{academicYear}",
                        HttpCall.get("/api/clubs/" + ledClub + "/registrations/" + year),
                        only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER)))
                .row("POST /api/clubs/{clubId}/registrations/{academicYear}",
                        p -> HttpCall.postJson("/api/clubs/" + newClub(app(), "reg") + "/registrations/" + year, "{}"),
                        only(200, LEADER))
                .row("POST /api/clubs/{clubId}/registrations/{academicYear}/acceptance",
                        p -> HttpCall.postJson("/api/clubs/" + lateClub(closedYear) + "/registrations/" + closedYear
                                + "/acceptance", ""),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/lifecycle/dashboard", HttpCall.get("/api/lifecycle/dashboard"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/mergers",
                        p -> HttpCall.postJson("/api/mergers", "{\"mergedClubIds\":[\"" + newClub(app(), "m-away")
                                + "\"],\"intoClubId\":\"" + newClub(app(), "m-into") + "\",\"reason\":\"r\"}"),
                        only(201, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/mergers", HttpCall.get("/api/mergers"), only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/mergers/{id}", HttpCall.get("/api/mergers/" + mergerId), only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/founding-applications", p -> HttpCall.postJson(applications,
                                FoundingFixtures.json(FoundingFixtures.application(name(p), List.of(subjectOf(p),
                                        "2024990001", "2024990002")))),
                        only(201, signedIn))
                .row("POST /api/founding-applications/{id}/resubmission", p -> {
                    String name = name(p);
                    String id = FoundingFixtures.returned(app(), name, FoundingFixtures.INITIATORS);
                    return HttpCall.postJson(applications + "/" + id + "/resubmission", FoundingFixtures.json(
                            FoundingFixtures.application(name, FoundingFixtures.numbers(FoundingFixtures.INITIATORS))));
                }, only(200, initiators))
                .row("POST /api/founding-applications/{id}/withdrawal", p -> HttpCall.postJson(applications + "/"
                                + FoundingFixtures.submitted(app()) + "/withdrawal", "{\"reason\":\"we changed our plans\"}"),
                        only(200, initiators))
                .row("POST /api/founding-applications/{id}/review", p -> HttpCall.postJson(applications + "/"
                                + FoundingFixtures.submitted(app()) + "/review", FoundingFixtures.passingReview(app())),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/founding-applications/{id}/hearing", p -> HttpCall.postJson(applications + "/"
                                + FoundingFixtures.qualified(app()) + "/hearing", FoundingFixtures.hearing(
                                businessClock.instant().plusSeconds(3600), FoundingFixtures.PANEL)),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/founding-applications/{id}/hearing/ballots", p -> HttpCall.postJson(applications + "/"
                                + toVoteOn.get(p) + "/hearing/ballots", FoundingFixtures.ballot("approve", null)),
                        only(201, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, FINANCE_MEMBER))
                .row("POST /api/founding-applications/{id}/hearing/closing", p -> HttpCall.post(applications + "/"
                                + toClose.get(p) + "/hearing/closing", "application/json", ""),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/founding-applications", HttpCall.get(applications), only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/founding-applications/{id}", HttpCall.get(applications + "/" + application),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, STUDENT, MEMBER, LEADER))
                .row("GET /api/founding-checklist", HttpCall.get("/api/founding-checklist"), only(200, signedIn))
                .row("POST /api/clubs/{clubId}/membership-applications",
                        p -> HttpCall.postJson("/api/clubs/" + newClub(app(), "join") + "/membership-applications", "{}"),
                        everyone(201).but(ANONYMOUS, 401).but(LEADER, 409).but(MEMBER, 409))
                .row("GET /api/clubs/{clubId}/membership-applications",
                        HttpCall.get("/api/clubs/" + ledClub + "/membership-applications"), only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER)))
                .row("POST /api/clubs/{clubId}/membership-applications/{applicationId}/approval",
                        p -> HttpCall.postJson(pendingApplication() + "/approval", ""), only(200, LEADER))
                .row("POST /api/clubs/{clubId}/membership-applications/{applicationId}/rejection",
                        p -> HttpCall.postJson(pendingApplication() + "/rejection", REASON), only(200, LEADER))
                .row("POST /api/clubs/{clubId}/membership-applications/{applicationId}/withdrawal",
                        p -> HttpCall.postJson(pendingApplication() + "/withdrawal", ""), only(200, STUDENT))
                .row("POST /api/clubs/{clubId}/membership/leaving",
                        p -> HttpCall.postJson("/api/clubs/" + newClub(app(), "leave") + "/membership/leaving", ""),
                        everyone(409).but(ANONYMOUS, 401).but(MEMBER, 200))
                .row("DELETE /api/clubs/{clubId}/members/{studentNumber}",
                        p -> new HttpCall("DELETE", "/api/clubs/" + newClub(app(), "remove") + "/members/"
                                + MEMBER.subject(), "application/json", REASON), only(200, LEADER))
                .row("GET /api/clubs/{clubId}/members", HttpCall.get("/api/clubs/" + ledClub + "/members"),
                        only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER)))
                .row("GET /api/clubs/{clubId}/activity-record", HttpCall.get("/api/clubs/" + ledClub + "/activity-record"),
                        only(200, presidiumLiaisonAnd(EVALUATION_MEMBER, LEADER)))
                .row("GET /api/clubs/{clubId}/members/{studentNumber}/attendance", HttpCall.get("/api/clubs/" + ledClub
                        + "/members/" + MEMBER.subject() + "/attendance?year=2025-2026"), only(200, presidiumLiaisonAnd(EVALUATION_MEMBER, LEADER, MEMBER)))
                .row("POST /api/clubs/{clubId}/credentials", HttpCall.postJson("/api/clubs/" + ledClub + "/credentials", ""),
                        only(200, LEADER, MEMBER))
                .row("GET /api/credentials/jwks", HttpCall.get("/api/credentials/jwks"), everyone(200))
                .row("POST /api/credentials/verification",
                        HttpCall.postJson("/api/credentials/verification", "{\"credential\":\"a.b.c\"}"),
                        only(200, departmentsAnd()))
                .row("GET /api/departments", HttpCall.get("/api/departments"), everyone(200).but(ANONYMOUS, 401))
                .row("GET /api/departments/{department}", HttpCall.get("/api/departments/office"),
                        everyone(200).but(ANONYMOUS, 401))
                .row("PUT /api/departments/{department}/head", p -> new HttpCall("PUT", "/api/departments/evaluation/head",
                        "application/json", rosterPerson()), only(200, PRESIDIUM))
                .row("POST /api/departments/{department}/members",
                        p -> HttpCall.postJson("/api/departments/organization/members", rosterPerson()),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD))
                .row("DELETE /api/departments/{department}/members/{studentNumber}",
                        p -> new HttpCall("DELETE", "/api/departments/organization/members/" + onRoster(), null, null),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD))
                .row("PUT /api/clubs/{clubId}/liaison-officer", p -> new HttpCall("PUT", "/api/clubs/"
                                + newClub(app(), "liaison") + "/liaison-officer", "application/json",
                                "{\"studentNumber\":\"" + liaison + "\"}"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/clubs/{clubId}/profile", HttpCall.get("/api/clubs/" + ledClub + "/profile"),
                        only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, PUBLICITY_MEMBER, EXTERNAL_RELATIONS_MEMBER, LEADER, MEMBER)))
                .row("GET /api/clubs/{clubId}/profile/history",
                        HttpCall.get("/api/clubs/" + ledClub + "/profile/history?field=contact"),
                        only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, PUBLICITY_MEMBER, EXTERNAL_RELATIONS_MEMBER, LEADER, MEMBER)))
                .row("POST /api/information-requests", p -> HttpCall.postJson("/api/information-requests",
                                informationRequest(ledClub)), only(201, PRESIDIUM, PUBLICITY_MEMBER))
                .row("GET /api/information-requests", HttpCall.get("/api/information-requests"),
                        only(200, PRESIDIUM, PUBLICITY_MEMBER, EXTERNAL_RELATIONS_MEMBER))
                .row("GET /api/information-requests/{requestId}", HttpCall.get("/api/information-requests/" + requestId),
                        only(200, PRESIDIUM, PUBLICITY_MEMBER, EXTERNAL_RELATIONS_MEMBER))
                .row("GET /api/clubs/{clubId}/information-requests",
                        HttpCall.get("/api/clubs/" + ledClub + "/information-requests"), only(200, presidiumLiaisonAnd(PUBLICITY_MEMBER, EXTERNAL_RELATIONS_MEMBER, LEADER)))
                .row("POST /api/information-requests/{requestId}/clubs/{clubId}/answers", p -> {
                    String club = newClub(app(), "answers");
                    String id = PRESIDIUM.on(app()).postJson("/api/information-requests", informationRequest(club)).json()
                            .get("id").asString();
                    return HttpCall.postJson("/api/information-requests/" + id + "/clubs/" + club + "/answers",
                            "{\"answers\":{\"constitution\":\"Article 1\"}}");
                }, only(200, LEADER))
                .row("POST /api/clubs/{clubId}/league-branch", p -> HttpCall.postJson("/api/clubs/" + bigClub()
                        + "/league-branch", BRANCH), only(201, LEADER))
                .row("GET /api/clubs/{clubId}/league-branch", HttpCall.get("/api/clubs/" + branchClub + "/league-branch"),
                        only(200, presidiumLiaisonAnd(ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER, MEMBER, STUDENT, Persona.OTHER_LEADER)))
                .row("POST /api/clubs/{clubId}/league-branch/members", p -> HttpCall.postJson("/api/clubs/"
                        + branched() + "/league-branch/members", "{\"studentNumber\":\"" + LEADER.subject() + "\"}"),
                        only(200, LEADER, MEMBER))
                .row("DELETE /api/clubs/{clubId}/league-branch/members/{studentNumber}", p -> {
                    String club = branched();
                    LEADER.on(app()).postJson("/api/clubs/" + club + "/league-branch/members",
                            "{\"studentNumber\":\"" + LEADER.subject() + "\"}");
                    return new HttpCall("DELETE", "/api/clubs/" + club + "/league-branch/members/" + LEADER.subject(),
                            null, null);
                }, only(200, LEADER, MEMBER))
                .row("PUT /api/clubs/{clubId}/league-branch/secretary", p -> new HttpCall("PUT", "/api/clubs/"
                        + branched() + "/league-branch/secretary", "application/json",
                        "{\"studentNumber\":\"" + STUDENT.subject() + "\"}"), only(200, LEADER))
                .row("POST /api/clubs/{clubId}/league-branch/awards", p -> HttpCall.postJson("/api/clubs/" + branched()
                        + "/league-branch/awards", "{\"award\":\"red-flag-branch\",\"year\":\"2026\"}"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/clubs/{clubId}/league-branch/dissolution", p -> HttpCall.postJson("/api/clubs/"
                        + branched() + "/league-branch/dissolution", ""), only(200, LEADER))
                .row("POST /api/clubs/{clubId}/leader-positions", p -> HttpCall.postJson("/api/clubs/" + ledClub
                        + "/leader-positions", POSITION), only(201, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER))
                .row("GET /api/leader-positions", HttpCall.get("/api/leader-positions"), everyone(200).but(ANONYMOUS, 401))
                .row("GET /api/leader-positions/{positionId}", HttpCall.get("/api/leader-positions/" + positionId),
                        everyone(200).but(ANONYMOUS, 401))
                .row("POST /api/leader-positions/{positionId}/applications", p -> HttpCall.postJson("/api/leader-positions/"
                        + openPosition(ledClub) + "/applications", "{\"statement\":\"me\"}"),
                        everyone(200).but(ANONYMOUS, 401).but(LEADER, 409))
                .row("POST /api/leader-positions/{positionId}/appointment", p -> {
                    String position = openPosition(newClub(app(), "recruit"));
                    STUDENT.on(app()).postJson("/api/leader-positions/" + position + "/applications", "{\"statement\":\"me\"}");
                    return HttpCall.postJson("/api/leader-positions/" + position + "/appointment",
                            "{\"studentNumber\":\"" + STUDENT.subject() + "\"}");
                }, only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER))
                .row("POST /api/leader-positions/{positionId}/cancellation", p -> HttpCall.postJson("/api/leader-positions/"
                        + openPosition(ledClub) + "/cancellation", ""),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, LEADER))
                .row("GET /api/evaluation-criteria", HttpCall.get("/api/evaluation-criteria"), everyone(200).but(ANONYMOUS, 401))
                .row("PUT /api/clubs/{clubId}/evaluations/{academicYear}", p -> new HttpCall("PUT", "/api/clubs/"
                        + newClub(app(), "eval") + "/evaluations/2026-2027", "application/json", SCORES), only(200, PRESIDIUM, EVALUATION_MEMBER))
                .row("POST /api/clubs/{clubId}/evaluations/{academicYear}/publication", p -> {
                    String club = newClub(app(), "eval");
                    PRESIDIUM.on(app()).send(new HttpCall("PUT", "/api/clubs/" + club + "/evaluations/2026-2027",
                            "application/json", SCORES));
                    // rights, not timing: the year's registration criterion may still be pending
                    return HttpCall.postJson("/api/clubs/" + club + "/evaluations/2026-2027/publication?despitePending=true",
                            "");
                }, only(200, PRESIDIUM, EVALUATION_MEMBER))
                .row("GET /api/clubs/{clubId}/evaluations", HttpCall.get("/api/clubs/" + ledClub + "/evaluations"),
                        only(200, presidiumLiaisonAnd(EVALUATION_MEMBER, LEADER, MEMBER)))
                .withPlatformEndpoints()
                .verify(mappings, app());
    }

    static final String REASON = "{\"reason\":\"matrix\"}";

    private String suspendedClub() {
        String id = newClub(app(), "reinst");
        assertThat(PRESIDIUM.on(app()).postJson("/api/clubs/" + id + "/suspension", REASON).status()).isEqualTo(200);
        return id;
    }

    private String electedClub() {
        String id = newClub(app(), "handover");
        assertThat(LEADER.on(app()).postJson("/api/clubs/" + id + "/elections", ElectionJson.valid()).status()).isEqualTo(200);
        return id;
    }

    /** A year whose registration deadline has passed (a window opened a moment before its deadline). */
    private String closedWindow() {
        String year = randomYear();
        java.time.Instant deadline = businessClock.instant().plus(java.time.Duration.ofMinutes(1));
        assertThat(ORGANIZATION_MEMBER.on(app()).postJson("/api/registration-windows", "{\"academicYear\":\"" + year
                + "\",\"deadline\":\"" + deadline + "\"}").status()).isEqualTo(201);
        passBusinessTime(deadline);
        return year;
    }

    /** A club whose leader registered after the deadline of {@code year}. */
    private String lateClub(String year) {
        String id = newClub(app(), "late");
        assertThat(LEADER.on(app()).postJson("/api/clubs/" + id + "/registrations/" + year, "{}").json()
                .get("status").asString()).isEqualTo("late-awaiting-acceptance");
        return id;
    }

    private static final java.util.concurrent.atomic.AtomicInteger ROSTER_PEOPLE = new java.util.concurrent.atomic.AtomicInteger();

    private static String rosterPerson() {
        return "{\"studentNumber\":\"2022900" + String.format("%03d", ROSTER_PEOPLE.incrementAndGet())
                + "\",\"name\":\"委员\"}";
    }

    /** Entered scores: the Evaluation Department's (and the presidium's) command. */
    static final String SCORES = "{\"scores\":{\"department-assessment\":{\"score\":90,\"reason\":\"r\"}}}";

    static final String POSITION = "{\"role\":\"treasurer\",\"description\":\"keeps the books\","
            + "\"closesAt\":\"2999-01-01T00:00:00Z\"}";

    private String openPosition(String clubId) {
        return PRESIDIUM.on(app()).postJson("/api/clubs/" + clubId + "/leader-positions", POSITION).json().get("id")
                .asString();
    }

    /** The secretary is MEMBER, with STUDENT and OTHER_LEADER as league members. */
    static final String BRANCH = "{\"secretary\":\"" + MEMBER.subject() + "\",\"members\":[\"" + STUDENT.subject()
            + "\",\"" + Persona.OTHER_LEADER.subject() + "\"]}";

    /** A club led by LEADER with MEMBER, STUDENT and OTHER_LEADER as members. */
    private String bigClub() {
        return PRESIDIUM.on(app()).postJson("/api/clubs", """
                {"name":"Branch club %s","category":"volunteering","foundedOn":"2015-09-01","leaderName":"李雷",
                 "leaderStudentNumber":"%s","contact":"c@example.edu","memberStudentNumbers":["%s","%s","%s"]}"""
                .formatted(UUID.randomUUID(), LEADER.subject(), MEMBER.subject(), STUDENT.subject(),
                        Persona.OTHER_LEADER.subject())).json().get("id").asString();
    }

    /** A big club with a youth-league branch. */
    private String branched() {
        String club = bigClub();
        assertThat(LEADER.on(app()).postJson("/api/clubs/" + club + "/league-branch", BRANCH).status()).isEqualTo(201);
        return club;
    }

    private static String informationRequest(String clubId) {
        return "{\"department\":\"publicity\",\"title\":\"matrix\",\"fields\":[\"constitution\"],"
                + "\"maxAgeDays\":30,\"deadline\":\"2999-01-01T00:00:00Z\",\"clubIds\":[\"" + clubId + "\"]}";
    }

    /** Puts the persona on the Organization Department's roster (once) and makes them the club's liaison officer. */
    private void assignLiaison(String clubId, Persona officer) {
        PRESIDIUM.on(app()).postJson("/api/departments/organization/members",
                "{\"studentNumber\":\"" + officer.subject() + "\",\"name\":\"" + officer + "\"}");
        HttpProbe.Response assigned = ORGANIZATION_MEMBER.on(app()).send(new HttpCall("PUT", "/api/clubs/" + clubId
                + "/liaison-officer", "application/json", "{\"studentNumber\":\"" + officer.subject() + "\"}"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    }

    /** A fresh person on the Organization Department's roster. */
    private String onRoster() {
        String person = rosterPerson();
        assertThat(PRESIDIUM.on(app()).postJson("/api/departments/organization/members", person).status()).isEqualTo(200);
        return person.replaceAll(".*\"studentNumber\":\"([0-9]+)\".*", "$1");
    }

    /** The path of a fresh club's pending application by {@link Persona#STUDENT}. */
    private String pendingApplication() {
        String clubId = newClub(app(), "apply");
        String id = STUDENT.on(app()).postJson("/api/clubs/" + clubId + "/membership-applications", "{}").json()
                .get("id").asString();
        return "/api/clubs/" + clubId + "/membership-applications/" + id;
    }

    private static String subjectOf(Persona persona) {
        return persona == Persona.ANONYMOUS ? "2024990000" : persona.subject();
    }

    private static String name(Persona persona) {
        return "Club of " + persona + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
