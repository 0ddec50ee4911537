package org.federation.club.contracts.testing;

import java.time.LocalDate;
import java.util.List;

import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.club.contracts.ClubTopics;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.RawEvents;

import tools.jackson.databind.json.JsonMapper;

/**
 * For consumers' tests (shipped as club-contracts' test jar): club facts as club-service would
 * publish them, so a test can make someone a club's leader or member in the consumer's own copy.
 */
public final class ClubFacts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClubFacts() {
    }

    /** An active imported club with one leader and these members, as {@code established} (sequence 1). */
    public static EventEnvelope established(String clubId, String name, String leader, List<String> members) {
        ClubSnapshot club = new ClubSnapshot(clubId, name, "sports", "active", LocalDate.of(2015, 9, 1), null,
                List.of(new ClubLeader(leader, "Leader " + leader, "president")), members, null, null,
                "club@example.edu");
        return RawEvents.envelope(ClubEventTypes.ESTABLISHED, "/club-service", clubId, 1,
                JSON.writeValueAsString(new ClubEstablished(club, ClubEstablished.IMPORTED)));
    }

    /** Publishes the club on the embedded backbone's {@code club.events}. */
    public static void publishEstablished(String clubId, String name, String leader, List<String> members) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.send(ClubTopics.CLUB_EVENTS, established(clubId, name, leader, members));
        }
    }
}
