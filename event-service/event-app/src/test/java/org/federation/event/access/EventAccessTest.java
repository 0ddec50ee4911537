package org.federation.event.access;

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
import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.clubs.ClubDirectory;
import org.federation.platform.testing.AuthorizationMatrix;
import org.federation.platform.testing.BadInputCampaign;
import org.federation.platform.testing.BadInputs;
import org.federation.platform.testing.HttpCall;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RefusesBadTokens;
import org.federation.platform.testing.StoredData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may read what in event-service, which tokens it refuses, and what generated bad input
 * gets. Club rights come from event-service's own directory: the leader and member here are
 * made so by a {@code club.established} event, never by their tokens.
 */
@EventServiceTest
class EventAccessTest extends EmbeddedBackboneProperties implements RefusesBadTokens {

    static final String OWN_CLUB = "club-own-" + UUID.randomUUID();
    static final String OTHER_CLUB = "club-other-" + UUID.randomUUID();

    @Autowired
    ClubDirectory directory;

    @BeforeEach
    void clubs() {
        ClubFacts.ensureOwnAndOtherClub(OWN_CLUB, OTHER_CLUB, id -> directory.find(id).isPresent());
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
                .withPlatformEndpoints()
                .verify(mappings, app());
    }

    @Test
    void aHandoverTakesEffectAsSoonAsItsEventArrives() {
        String club = "club-handover-" + UUID.randomUUID();
        ClubFacts.publishEstablished(club, "Handover club " + club, LEADER.subject(), List.of());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(club).isPresent());
        assertThat(LEADER.on(app()).get("/api/clubs/" + club).status()).isEqualTo(200);
        assertThat(OTHER_LEADER.on(app()).get("/api/clubs/" + club).status()).isEqualTo(403);

        ClubFacts.publish(ClubFacts.laterSnapshot(club, "Handover club " + club, OTHER_LEADER.subject(), List.of(), 2));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> directory.find(club).orElseThrow().sequence() == 2);
        assertThat(LEADER.on(app()).get("/api/clubs/" + club).status()).as("the former leader").isEqualTo(403);
        assertThat(OTHER_LEADER.on(app()).get("/api/clubs/" + club).status()).as("the new leader").isEqualTo(200);
    }

    @Test
    void everyEndpointSurvivesGeneratedBadInputWithAPreciseProblemAndNoChange() {
        int cases = new BadInputCampaign(Persona.PRESIDIUM.on(app()), () -> StoredData.of(mongo))
                .survives("GET /api/clubs (paging)", BadInputs.badPaging().map(q -> HttpCall.get("/api/clubs?" + q)), 350)
                .refuses("GET /api/clubs/{id} (unknown ids)", BadInputs.unknownIds().map(id -> HttpCall.get("/api/clubs/" + id)), 350)
                .refuses("unsupported methods on /api/clubs", BadInputs.unsupportedMethods("/api/clubs"), 150)
                .refuses("unsupported methods on /api/clubs/{id}", BadInputs.unsupportedMethods("/api/clubs/" + OWN_CLUB), 100)
                .refuses("unknown paths", BadInputs.unknownPaths(), 100)
                .verify();
        assertThat(cases).isGreaterThanOrEqualTo(1000);
    }
}
