package org.federation.notification.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.AuthorizationMatrix.Expect.everyone;
import static org.federation.platform.testing.AuthorizationMatrix.Expect.only;
import static org.federation.platform.testing.Persona.ANONYMOUS;
import static org.federation.platform.testing.Persona.FINANCE_MEMBER;
import static org.federation.platform.testing.Persona.LEADER;
import static org.federation.platform.testing.Persona.ORGANIZATION_HEAD;
import static org.federation.platform.testing.Persona.ORGANIZATION_MEMBER;
import static org.federation.platform.testing.Persona.PRESIDIUM;

import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.Fixtures;
import org.federation.notification.NotificationServiceTest;
import org.federation.notification.directory.infrastructure.ClubDirectory;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.testing.AuthorizationMatrix;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RefusesBadTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** Who may call which endpoint, and which tokens are refused. The matrix printed here is the one in docs/security.md. */
@NotificationServiceTest
class NotificationAccessTest extends EmbeddedBackboneProperties implements RefusesBadTokens {

    static final String TO_OWN_CLUB = """
            {"department":"organization","title":"Club exchange conference","body":"Friday 19:00, room 101",
             "audience":"clubs","clubIds":["%s"],"acknowledgeBy":"%s"}""";

    @Autowired
    ClubDirectory clubs;

    @Override
    public HttpCall protectedCall() {
        return HttpCall.get("/api/inbox?recipient=department:organization");
    }

    @BeforeEach
    void clubs() {
        Fixtures.ensureClubs(id -> clubs.find(id).isPresent());
        Fixtures.signInEveryone(app());
    }

    @Test
    void everyEndpointAnswersEachPersonaExactlyAsTheRulesSay() {
        HttpProbe presidium = PRESIDIUM.on(app());
        JsonNode direct = Fixtures.sendAndAwait(presidium, TO_OWN_CLUB.formatted(Fixtures.OWN_CLUB, Fixtures.inAnHour()));
        String directId = direct.get("id").asString();
        String leadersNotice = Notice.idFor("direct:" + directId, "person:" + LEADER.subject());
        String organizationNotice = presidium.get("/api/inbox?recipient=department:organization").json()
                .at("/items/0/id").asString();
        String feedback = feedbackFromStudent();

        new AuthorizationMatrix()
                .row("GET /api/inbox", HttpCall.get("/api/inbox?recipient=department:organization"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/inbox/unread-count", HttpCall.get("/api/inbox/unread-count?recipient=department:organization"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/inbox/stream", HttpCall.get("/api/inbox/stream?recipient=department:organization&timeoutMs=100"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/inbox/{noticeId}/read", HttpCall.post("/api/inbox/" + organizationNotice + "/read", null, null),
                        only(200, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/inbox/{noticeId}/acknowledgement",
                        HttpCall.post("/api/inbox/" + leadersNotice + "/acknowledgement", null, null), only(200, LEADER))
                .row("GET /api/inbox/{noticeId}/deliveries", HttpCall.get("/api/inbox/" + leadersNotice + "/deliveries"),
                        only(200, PRESIDIUM, LEADER))
                .row("GET /api/notice-kinds", HttpCall.get("/api/notice-kinds"), everyone(200).but(ANONYMOUS, 401))
                .row("GET /api/subscriptions/{subscriber}", HttpCall.get("/api/subscriptions/department:finance"),
                        only(200, PRESIDIUM, FINANCE_MEMBER))
                .row("PUT /api/subscriptions/{subscriber}", new HttpCall("PUT", "/api/subscriptions/department:evaluation",
                        "application/json", "{\"kinds\":[\"report-overdue\",\"handover-overdue\"],\"ownClubs\":true}"),
                        only(200, PRESIDIUM))
                .row("GET /api/contacts/{recipient}", HttpCall.get("/api/contacts/department:organization"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("PUT /api/contacts/{recipient}", new HttpCall("PUT", "/api/contacts/department:organization",
                        "application/json", "{\"email\":\"org@federation.example.edu\",\"emailEnabled\":false,\"webhooks\":[]}"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD))
                .row("POST /api/contacts/{recipient}/webhook-secrets", HttpCall.postJson(
                        "/api/contacts/department:organization/webhook-secrets", "{\"webhook\":\"https://hooks.example.edu/x\"}"),
                        only(422, PRESIDIUM, ORGANIZATION_HEAD))
                .row("POST /api/direct-notices", HttpCall.postJson("/api/direct-notices",
                        TO_OWN_CLUB.formatted(Fixtures.OWN_CLUB, Fixtures.inAnHour())),
                        only(202, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/direct-notices", HttpCall.get("/api/direct-notices?department=organization"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/direct-notices/{id}", HttpCall.get("/api/direct-notices/" + directId),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/direct-notices/{id}/acknowledgements", HttpCall.get("/api/direct-notices/" + directId
                        + "/acknowledgements"), only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/feedback", HttpCall.postJson("/api/feedback",
                        "{\"kind\":\"suggestion\",\"department\":\"organization\",\"subject\":\"More exchange\","
                                + "\"text\":\"Hold the club exchange conference every month.\"}"), everyone(201))
                .row("GET /api/feedback/{id}/status", HttpCall.get("/api/feedback/" + feedback + "/status"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER, Persona.STUDENT).but(ANONYMOUS, 403))
                .row("GET /api/feedback", HttpCall.get("/api/feedback?department=organization"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("POST /api/feedback/{id}/answer", persona -> HttpCall.postJson("/api/feedback/" + anonymousFeedback()
                        + "/answer", "{\"answer\":\"Agreed: monthly from March.\",\"makePublic\":true}"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/feedback/public", HttpCall.get("/api/feedback/public"), everyone(200))
                .row("GET /api/work-queue", HttpCall.get("/api/work-queue?queue=department:organization"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .row("GET /api/work-queue/mine", HttpCall.get("/api/work-queue/mine"), everyone(200).but(ANONYMOUS, 401))
                .withPlatformEndpoints()
                .verify(mappings, app());
    }

    /** A new suggestion from {@link Persona#STUDENT} to the Organization Department; its id. */
    private String feedbackFromStudent() {
        return Persona.STUDENT.on(app()).postJson("/api/feedback", """
                {"kind":"suggestion","department":"organization","subject":"Longer opening hours",
                 "text":"Keep the activity room open until 22:00."}""").json().at("/feedback/id").asString();
    }

    /** A new anonymous complaint to the Organization Department; its id. */
    private String anonymousFeedback() {
        return app().postJson("/api/feedback", """
                {"kind":"complaint","department":"organization","subject":"Late notices",
                 "text":"We heard of the conference a day before."}""").json().at("/feedback/id").asString();
    }

    @Test
    void everyoneReadsTheirOwnInboxSubscriptionsAndContactsAndNobodyElsesButThePresidium() {
        for (Persona persona : Persona.values()) {
            if (persona == ANONYMOUS) {
                continue;
            }
            HttpProbe probe = persona.on(app());
            for (String what : new String[] {"/api/inbox?recipient=", "/api/subscriptions/", "/api/contacts/"}) {
                assertThat(probe.get(what + "person:" + persona.subject()).status()).as(persona + " " + what).isEqualTo(200);
                assertThat(probe.get(what + "person:2000000000").status()).as(persona + " " + what)
                        .isEqualTo(persona == PRESIDIUM ? 200 : 403);
            }
            assertThat(probe.get("/api/inbox?recipient=department:finance").status()).as(persona.name())
                    .isEqualTo(persona == PRESIDIUM || persona == FINANCE_MEMBER ? 200 : 403);
        }
    }

    @Test
    void aPersonsContactPreferencesStartFromTheirTokensEmail() {
        JsonNode contact = Persona.STUDENT.on(app()).get("/api/contacts/person:" + Persona.STUDENT.subject()).json();
        assertThat(contact.get("email").asString()).isEqualTo(Persona.STUDENT.subject() + "@stu.example.edu");
        assertThat(contact.get("emailEnabled").asBoolean()).isTrue();
    }
}
