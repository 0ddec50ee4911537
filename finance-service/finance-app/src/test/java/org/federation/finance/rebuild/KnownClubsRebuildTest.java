package org.federation.finance.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.federation.finance.EmbeddedBackboneProperties;
import org.federation.finance.FinanceServiceTest;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Issue 19: finance-service's known clubs are rebuilt from {@code club.events}; its accounts (its
 * own records) are not re-derived from that history: an account lost with the database comes back
 * from backup, so the rebuild opens none. Before, known clubs lost stayed lost (the group resumes at
 * its committed offsets) and every club-scoped finance request answered 404.
 */
@FinanceServiceTest
class KnownClubsRebuildTest extends EmbeddedBackboneProperties {

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    /** The operators' commands live on the management port. */
    private HttpProbe management() {
        return HttpProbe.onPort(managementPort);
    }

    @Test
    void knownClubsComeBackFromClubEventsAndNoAccountIsReopened() {
        String kept = "club-rb-" + UUID.randomUUID();
        String lostAccount = "club-rb-" + UUID.randomUUID();
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send("club.events", org.federation.finance.accounts.AccountOpeningTest.established(kept, "重建社"));
            raw.send("club.events", org.federation.finance.accounts.AccountOpeningTest.established(lostAccount, "失账社"));
        }
        HttpProbe operator = Persona.PRESIDIUM.on(app());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> operator.get("/api/clubs/" + kept).status() == 200
                && operator.get("/api/clubs/" + lostAccount).status() == 200
                && mongo.findById("acct-" + lostAccount, Document.class, "accounts") != null);
        Document club = mongo.findById(kept, Document.class, "clubs");

        mongo.remove(new Query(), "clubs");
        mongo.remove(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is("acct-" + lostAccount)),
                "accounts");
        assertThat(operator.get("/api/clubs/" + kept).status()).isEqualTo(404);

        HttpProbe.Response rebuilt = Persona.PRESIDIUM.on(management()).postJson("/actuator/readmodels", "");
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().get("outcome").asString()).isEqualTo("rebuilt");
        assertThat(rebuilt.json().get("records").has("activity.events")).as("budgets are finance's own").isFalse();

        assertThat(operator.get("/api/clubs/" + kept).status()).isEqualTo(200);
        Document back = mongo.findById(kept, Document.class, "clubs");
        club.remove("firstSeenAt");
        back.remove("firstSeenAt");
        assertThat(back).isEqualTo(club);
        assertThat(mongo.findById("acct-" + lostAccount, Document.class, "accounts"))
                .as("an account is restored from backup, never re-opened by a replay").isNull();
    }
}
