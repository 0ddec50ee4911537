package org.federation.club.access;

import static org.federation.platform.testing.AuthorizationMatrix.Expect.everyone;
import static org.federation.platform.testing.AuthorizationMatrix.Expect.only;
import static org.federation.platform.testing.Persona.ORGANIZATION_HEAD;
import static org.federation.platform.testing.Persona.ORGANIZATION_MEMBER;
import static org.federation.platform.testing.Persona.PRESIDIUM;

import java.util.UUID;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.platform.testing.AuthorizationMatrix;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RefusesBadTokens;
import org.junit.jupiter.api.Test;

/**
 * Who may call what in club-service: the public directory is open to anyone; bringing clubs
 * onto the platform is the Organization Department's (and the presidium's).
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
                .withPlatformEndpoints()
                .verify(mappings, app());
    }

    private static String name(Persona persona) {
        return "Club of " + persona + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
