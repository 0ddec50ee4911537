package org.federation.finance.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.federation.platform.testing.AuthorizationMatrix.Expect.only;
import static org.federation.platform.testing.Persona.LEADER;
import static org.federation.platform.testing.Persona.MEMBER;
import static org.federation.platform.testing.Persona.OTHER_LEADER;
import static org.federation.platform.testing.Persona.staffAnd;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.finance.accounts.domain.Accounts;
import org.federation.finance.clubs.KnownClubs;
import org.federation.platform.testing.AuthorizationMatrix;
import org.federation.platform.testing.BadInputCampaign;
import org.federation.platform.testing.BadInputs;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RefusesBadTokens;
import org.federation.platform.testing.StoredData;
import org.junit.jupiter.api.BeforeEach;

import net.jqwik.api.Arbitraries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may read what in finance-service, which tokens it refuses, and what generated bad input
 * gets. Club rights come from finance-service's own directory: the leader and member here are
 * made so by a {@code club.established} event, never by their tokens.
 */
@FinanceServiceTest
class FinanceAccessTest extends EmbeddedBackboneProperties implements RefusesBadTokens {

    static final String OWN_CLUB = "club-own-" + UUID.randomUUID();
    static final String OTHER_CLUB = "club-other-" + UUID.randomUUID();

    @Autowired
    KnownClubs directory;
    @Autowired
    Accounts accounts;

    @BeforeEach
    void clubs() {
        ClubFacts.ensureOwnAndOtherClub(OWN_CLUB, OTHER_CLUB, id -> directory.find(id).isPresent() && accounts.find("acct-" + id).isPresent());
    }

    @Override
    public HttpCall protectedCall() {
        return HttpCall.get("/api/clubs");
    }

    @Test
    void everyEndpointAnswersEachPersonaExactlyAsTheRulesSay() {
        new AuthorizationMatrix()
                .row("GET /api/clubs", HttpCall.get("/api/clubs"), only(200, staffAnd()))
                .row("GET /api/clubs/{id}", HttpCall.get("/api/clubs/" + OWN_CLUB), only(200, staffAnd(LEADER, MEMBER)))
                .row("GET /api/accounts", HttpCall.get("/api/accounts?clubId=" + OWN_CLUB), only(200, staffAnd(LEADER, MEMBER)))
                .row("GET /api/accounts/{id}", HttpCall.get("/api/accounts/acct-" + OWN_CLUB), only(200, staffAnd(LEADER, MEMBER)))
                .withPlatformEndpoints()
                .verify(mappings, app());
    }

    @Test
    void everyEndpointSurvivesGeneratedBadInputWithAPreciseProblemAndNoChange() {
        int cases = new BadInputCampaign(Persona.PRESIDIUM.on(app()), () -> StoredData.of(mongo))
                .survives("GET /api/clubs (paging)", BadInputs.badPaging().map(q -> HttpCall.get("/api/clubs?" + q)), 200)
                .refuses("GET /api/clubs/{id} (unknown ids)", BadInputs.unknownIds().map(id -> HttpCall.get("/api/clubs/" + id)), 150)
                .refuses("unsupported methods on /api/clubs", BadInputs.unsupportedMethods("/api/clubs"), 150)
                .refuses("unsupported methods on /api/clubs/{id}", BadInputs.unsupportedMethods("/api/clubs/" + OWN_CLUB), 100)
                .refuses("unknown paths", BadInputs.unknownPaths(), 100)
                .refuses("GET /api/accounts (missing or blank clubId)", Arbitraries.of("", "?clubId=", "?clubId=%20%20",
                        "?clubid=x", "?club=x").map(q -> HttpCall.get("/api/accounts" + q)), 50)
                .survives("GET /api/accounts (odd club ids)", BadInputs.unknownIds()
                        .map(id -> HttpCall.get("/api/accounts?clubId=" + BadInputs.encode(id))), 150)
                .refuses("GET /api/accounts/{id} (unknown ids)", BadInputs.unknownIds().map(id -> HttpCall.get("/api/accounts/" + id)), 150)
                .refuses("unsupported methods on /api/accounts", BadInputs.unsupportedMethods("/api/accounts?clubId=" + OWN_CLUB), 50)
                .verify();
        assertThat(cases).isGreaterThanOrEqualTo(1000);
    }
}
