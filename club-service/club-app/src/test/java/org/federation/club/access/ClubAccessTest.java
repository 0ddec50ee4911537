package org.federation.club.access;

import static org.federation.platform.testing.AuthorizationMatrix.Expect.everyone;
import static org.federation.platform.testing.AuthorizationMatrix.Expect.only;
import static org.federation.platform.testing.Persona.FINANCE_MEMBER;
import static org.federation.platform.testing.Persona.LEADER;
import static org.federation.platform.testing.Persona.MEMBER;
import static org.federation.platform.testing.Persona.ORGANIZATION_HEAD;
import static org.federation.platform.testing.Persona.ORGANIZATION_MEMBER;
import static org.federation.platform.testing.Persona.PRESIDIUM;
import static org.federation.platform.testing.Persona.STUDENT;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.founding.FoundingFixtures;
import org.federation.platform.testing.AuthorizationMatrix;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RefusesBadTokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call what in club-service: the public directory is open to anyone; bringing clubs
 * onto the platform is the Organization Department's (and the presidium's). Founding: anyone
 * signed in applies; the application's initiators (here the student, the member and the leader)
 * correct, withdraw and read it; the Organization Department reviews it and holds its hearing;
 * the hearing's panel (here the presidium, the organization head and member, a finance member)
 * votes; the federation's staff read every application.
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
        String application = FoundingFixtures.submitted(app());
        // ballots and closings need a hearing that has begun: one application per persona, heard shortly
        Map<Persona, String> toVoteOn = new EnumMap<>(Persona.class);
        Map<Persona, String> toClose = new EnumMap<>(Persona.class);
        Instant latest = Instant.now();
        for (Persona persona : Persona.values()) {
            latest = Instant.now().plusSeconds(2);
            toVoteOn.put(persona, FoundingFixtures.scheduled(app(), latest, FoundingFixtures.PANEL));
            latest = Instant.now().plusSeconds(2);
            toClose.put(persona, FoundingFixtures.scheduled(app(), latest, FoundingFixtures.PANEL));
        }
        FoundingFixtures.waitUntil(latest);
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
                                Instant.now().plusSeconds(3600), FoundingFixtures.PANEL)),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/founding-applications/{id}/hearing/ballots", p -> HttpCall.postJson(applications + "/"
                                + toVoteOn.get(p) + "/hearing/ballots", FoundingFixtures.ballot("approve", null)),
                        only(201, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, FINANCE_MEMBER))
                .row("POST /api/founding-applications/{id}/hearing/closing", p -> HttpCall.post(applications + "/"
                                + toClose.get(p) + "/hearing/closing", "application/json", ""),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/founding-applications", HttpCall.get(applications), only(200, Persona.staffAnd()))
                .row("GET /api/founding-applications/{id}", HttpCall.get(applications + "/" + application),
                        only(200, Persona.staffAnd(STUDENT, MEMBER, LEADER)))
                .row("GET /api/founding-checklist", HttpCall.get("/api/founding-checklist"), only(200, signedIn))
                .withPlatformEndpoints()
                .verify(mappings, app());
    }

    private static String subjectOf(Persona persona) {
        return persona == Persona.ANONYMOUS ? "2024990000" : persona.subject();
    }

    private static String name(Persona persona) {
        return "Club of " + persona + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
