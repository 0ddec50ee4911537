package org.federation.event.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.AuthorizationMatrix.Expect.only;
import static org.federation.platform.testing.Persona.MEMBER;
import static org.federation.platform.testing.Persona.ORGANIZATION_HEAD;
import static org.federation.platform.testing.Persona.ORGANIZATION_MEMBER;
import static org.federation.platform.testing.Persona.PRESIDIUM;

import java.util.concurrent.atomic.AtomicInteger;

import org.federation.platform.testing.AuthorizationMatrix;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;

/**
 * The training-class rows of event-service's authorization matrix: a class of the Organization
 * Department, managed by its people and the presidium, with {@link Persona#MEMBER} as a trainee
 * (who sees the class and their own record, nothing else).
 */
public final class TrainingClassAccess {

    private static final Persona[] MANAGERS = {PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER};
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TrainingClassAccess() {
    }

    /** Adds a row for every training-class endpoint; trainees come from {@code club} (known to the directory). */
    public static AuthorizationMatrix rows(AuthorizationMatrix matrix, HttpProbe app, String club) {
        HttpProbe manager = ORGANIZATION_MEMBER.on(app);
        HttpProbe.Response created = manager.postJson("/api/training-classes",
                TrainingClassTest.classBody("organization", 100, null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String base = "/api/training-classes/" + created.json().get("id").asString();
        HttpProbe.Response trainee = manager.postJson(base + "/trainees",
                TrainingClassTest.enrolment(MEMBER.subject(), "陈静", club, "Team A"));
        assertThat(trainee.status()).as(trainee.body()).isEqualTo(201);
        String member = base + "/trainees/" + MEMBER.subject();
        HttpProbe.Response ended = manager.postJson("/api/training-classes",
                TrainingClassTest.classBody("organization", 10, null, -20));
        assertThat(ended.status()).as(ended.body()).isEqualTo(201);
        String past = "/api/training-classes/" + ended.json().get("id").asString();
        String session = base + "/sessions/2";
        return matrix
                .row("POST /api/training-classes", HttpCall.postJson("/api/training-classes",
                        TrainingClassTest.classBody("organization", 10, null)), only(201, MANAGERS))
                .row("GET /api/training-classes", HttpCall.get("/api/training-classes"), only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/training-classes/mine", HttpCall.get("/api/training-classes/mine"), only(200,
                        java.util.Arrays.stream(Persona.values()).filter(p -> p != Persona.ANONYMOUS).toArray(Persona[]::new)))
                .row("GET /api/training-classes/{id}", HttpCall.get(base), only(200, PRESIDIUM, ORGANIZATION_HEAD,
                        ORGANIZATION_MEMBER, MEMBER))
                .row("POST /api/training-classes/{id}/sessions", HttpCall.postJson(base + "/sessions",
                        "{\"start\":\"2026-12-20T01:00:00Z\",\"end\":\"2026-12-20T02:00:00Z\",\"venue\":\"Hall\",\"topic\":\"t\"}"),
                        only(201, MANAGERS))
                .row("POST /api/training-classes/{id}/trainees", p -> HttpCall.postJson(base + "/trainees",
                        TrainingClassTest.enrolment("20977" + String.format("%05d", NEXT.incrementAndGet()), "王伟", club, null)),
                        only(201, MANAGERS))
                .row("GET /api/training-classes/{id}/trainees", HttpCall.get(base + "/trainees"), only(200, MANAGERS))
                .row("GET /api/training-classes/{id}/trainees/csv", HttpCall.get(base + "/trainees/csv"), only(200, MANAGERS))
                .row("GET /api/training-classes/{id}/trainees/{studentNumber}", HttpCall.get(member),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, MEMBER))
                .row("DELETE /api/training-classes/{id}/trainees/{studentNumber}", p -> {
                    String number = "20978" + String.format("%05d", NEXT.incrementAndGet());
                    assertThat(manager.postJson(base + "/trainees", TrainingClassTest.enrolment(number, "李娜", club, null))
                            .status()).isEqualTo(201);
                    return new HttpCall("DELETE", base + "/trainees/" + number, null, null);
                }, only(200, MANAGERS))
                .row("PUT /api/training-classes/{id}/sessions/{session}/attendance/{studentNumber}",
                        new HttpCall("PUT", base + "/sessions/1/attendance/" + MEMBER.subject(), "application/json",
                                "{\"status\":\"present\"}"), only(200, MANAGERS))
                .row("GET /api/training-classes/{id}/sessions/{session}/attendance", HttpCall.get(session + "/attendance"),
                        only(200, MANAGERS))
                .row("GET /api/training-classes/{id}/attendance/csv", HttpCall.get(base + "/attendance/csv"),
                        only(200, MANAGERS))
                .row("GET /api/training-classes/{id}/sessions/{session}/sign-in-sheet",
                        HttpCall.get(session + "/sign-in-sheet"), only(200, MANAGERS))
                .row("GET /api/training-classes/{id}/sessions/{session}/seating-chart",
                        HttpCall.get(session + "/seating-chart?rows=10&seatsPerRow=10"), only(200, MANAGERS))
                .row("GET /api/training-classes/{id}/sessions/{session}/seating-chart/pdf",
                        HttpCall.get(session + "/seating-chart/pdf?rule=group-by-team&rows=10&seatsPerRow=10"), only(200, MANAGERS))
                .row("PUT /api/training-classes/{id}/feedback", new HttpCall("PUT", base + "/feedback", "application/json",
                        "{\"rating\":4,\"comment\":\"useful\"}"), only(200, MEMBER))
                .row("PUT /api/training-classes/{id}/report", new HttpCall("PUT", past + "/report", "application/json",
                        "{\"summary\":\"went well\"}"), only(200, MANAGERS))
                .row("GET /api/training-classes/{id}/report", HttpCall.get(past + "/report"), only(200, MANAGERS))
                .row("GET /api/training-classes/{id}/report/pdf", HttpCall.get(past + "/report/pdf"), only(200, MANAGERS))
                .row("GET /api/training-classes/{id}/sessions/{session}/seating-chart/csv",
                        HttpCall.get(session + "/seating-chart/csv?rule=alphabetical&rows=10&seatsPerRow=10"), only(200, MANAGERS));
    }
}
