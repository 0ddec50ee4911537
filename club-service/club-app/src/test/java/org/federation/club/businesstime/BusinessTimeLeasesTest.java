package org.federation.club.businesstime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.contracts.ClubTopics;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.idempotency.IdempotencyStore;
import org.federation.platform.messaging.OutboxRelay;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Business time and the leases that keep several instances apart are two clocks: moving the app's
 * business time by half a year (as a test, or a person on the local platform, does to see a term end)
 * frees neither the relay's claim on an aggregate another instance is sending nor an idempotency key a
 * running request holds, and the caller's token, issued a moment ago, is still good. Before the two
 * clocks were told apart, tests moved the one app {@code Clock}, and with it every lease.
 */
@ClubServiceTest
class BusinessTimeLeasesTest extends EmbeddedBackboneProperties {

    private static final String OUTBOX = "business-time-leases";

    @Autowired
    OutboxRelay relay;
    @Autowired
    IdempotencyStore idempotency;

    @Test
    void halfAYearOfBusinessTimeExpiresNoRelayClaimNoIdempotencyKeyAndNoToken() {
        // another instance claimed this aggregate's pending event a moment ago: its lease runs 30 real seconds
        relay.register(OUTBOX, ClubTopics.CLUB_EVENTS);
        String aggregate = "leased-" + UUID.randomUUID();
        String token = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", aggregate).append("version", 1L)
                .append("pendingEvents", List.of(new Document("id", UUID.randomUUID().toString())))
                .append("relayLease", new Document("owner", "another-instance").append("token", token)
                        .append("expiresAt", Date.from(Instant.now().plusSeconds(30)))), OUTBOX);
        // a request under an Idempotency-Key is running on another instance
        IdempotencyStore.Attempt attempt = new IdempotencyStore.Attempt("lease-" + aggregate, Persona.LEADER.subject(),
                aggregate, "POST", "/api/clubs", "fingerprint");
        assertThat(idempotency.begin(attempt)).isInstanceOf(IdempotencyStore.Claimed.class);
        try {
            Instant before = businessClock.instant();
            businessClock.advance(Duration.ofDays(183));
            assertThat(businessClock.instant()).isAfter(before.plus(Duration.ofDays(182)));

            assertThat(relay.relay(OUTBOX, aggregate)).as("the other instance's claim holds").isZero();
            relay.sweep();
            Document after = mongo.findById(aggregate, Document.class, OUTBOX);
            assertThat(after.get("relayLease", Document.class).getString("token")).isEqualTo(token);
            assertThat(after.getList("pendingEvents", Document.class)).hasSize(1);

            assertThat(idempotency.begin(attempt)).as("the running request keeps its key")
                    .isInstanceOf(IdempotencyStore.InProgress.class);

            String club = ClubLifecycleTest.newClub(app(), "半年社");
            assertThat(Persona.LEADER.on(app()).get("/api/clubs/" + club + "/lifecycle").status())
                    .as("a token issued a moment ago is still valid").isEqualTo(200);
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(aggregate)), OUTBOX);
            mongo.remove(Query.query(Criteria.where("_id").is(attempt.id())), IdempotencyStore.COLLECTION);
        }
    }
}
