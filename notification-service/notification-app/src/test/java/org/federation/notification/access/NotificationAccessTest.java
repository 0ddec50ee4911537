package org.federation.notification.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.AuthorizationMatrix.Expect.only;
import static org.federation.platform.testing.Persona.ORGANIZATION_HEAD;
import static org.federation.platform.testing.Persona.ORGANIZATION_MEMBER;
import static org.federation.platform.testing.Persona.PRESIDIUM;

import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.NotificationServiceTest;
import org.federation.platform.testing.AuthorizationMatrix;
import org.federation.platform.testing.BadInputCampaign;
import org.federation.platform.testing.BadInputs;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RefusesBadTokens;
import org.federation.platform.testing.StoredData;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Who may read which inbox, which tokens are refused, and what generated bad input gets. */
@NotificationServiceTest
class NotificationAccessTest extends EmbeddedBackboneProperties implements RefusesBadTokens {


    @Override
    public HttpCall protectedCall() {
        return HttpCall.get("/api/inbox?recipient=department:organization");
    }

    @Test
    void everyEndpointAnswersEachPersonaExactlyAsTheRulesSay() {
        new AuthorizationMatrix()
                .row("GET /api/inbox", HttpCall.get("/api/inbox?recipient=department:organization"),
                        only(200, PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER))
                .withPlatformEndpoints()
                .verify(mappings, app());
    }

    @Test
    void everyoneReadsTheirOwnInboxAndNobodyElsesButThePresidium() {
        for (Persona persona : Persona.values()) {
            if (persona == Persona.ANONYMOUS) {
                continue;
            }
            HttpProbe probe = persona.on(app());
            assertThat(probe.get("/api/inbox?recipient=person:" + persona.subject()).status()).as(persona.name())
                    .isEqualTo(200);
            assertThat(probe.get("/api/inbox?recipient=person:2000000000").status()).as(persona.name())
                    .isEqualTo(persona == PRESIDIUM ? 200 : 403);
            assertThat(probe.get("/api/inbox?recipient=department:finance").status()).as(persona.name())
                    .isEqualTo(persona == PRESIDIUM || persona == Persona.FINANCE_MEMBER ? 200 : 403);
        }
    }

    @Test
    void everyEndpointSurvivesGeneratedBadInputWithAPreciseProblemAndNoChange() {
        Arbitrary<String> badRecipients = Arbitraries.oneOf(
                Arbitraries.of("", " ", "organization", "department:", ":x", "Department:organization", "person:a b",
                        "person:中文", "department:organization:extra"),
                BadInputs.anyText(60).filter(s -> !s.matches("[a-z-]+:[A-Za-z0-9_.-]+")));
        int cases = new BadInputCampaign(PRESIDIUM.on(app()), () -> StoredData.of(mongo))
                .refuses("GET /api/inbox (bad recipients)", badRecipients
                        .map(r -> HttpCall.get("/api/inbox?recipient=" + BadInputs.encode(r))), 400)
                .refuses("GET /api/inbox (no recipient)", Arbitraries.just(HttpCall.get("/api/inbox")), 5)
                .survives("GET /api/inbox (paging)", BadInputs.badPaging()
                        .map(q -> HttpCall.get("/api/inbox?recipient=department:organization&" + q)), 300)
                .refuses("unsupported methods on /api/inbox", BadInputs.unsupportedMethods("/api/inbox?recipient=person:2099000001"), 200)
                .refuses("unknown paths", BadInputs.unknownPaths(), 100)
                .verify();
        assertThat(cases).isGreaterThanOrEqualTo(1000);
    }
}
