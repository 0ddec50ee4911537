package org.federation.club.contracts.testing;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.club.contracts.ClubTopics;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.Persona;
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
        return RawEvents.envelope(ClubEventTypes.ESTABLISHED, "/club-service", clubId, 1,
                JSON.writeValueAsString(new ClubEstablished(snapshot(clubId, name, leader, members), ClubEstablished.IMPORTED)));
    }

    /**
     * A later event about the club whose snapshot names another leader (as a handover will):
     * consumers keep the newest snapshot whatever the event's type, so a stand-in type is used.
     */
    public static EventEnvelope laterSnapshot(String clubId, String name, String leader, List<String> members,
                                              long sequence) {
        return RawEvents.envelope("org.federation.club.test-snapshot.v1", "/club-service", clubId, sequence,
                JSON.writeValueAsString(new ClubEstablished(snapshot(clubId, name, leader, members), ClubEstablished.IMPORTED)));
    }

    /** The club asks to dissolve ({@code dissolution-requested}, state {@code dissolving}), at {@code sequence}. */
    public static EventEnvelope dissolutionRequested(String clubId, String name, String leader, long sequence) {
        ClubSnapshot dissolving = new ClubSnapshot(clubId, name, "sports", "dissolving", LocalDate.of(2015, 9, 1), null,
                List.of(new ClubLeader(leader, "Leader " + leader, "president")), List.of(), null, null, "club@example.edu");
        return RawEvents.envelope(ClubEventTypes.DISSOLUTION_REQUESTED, "/club-service", clubId, sequence,
                JSON.writeValueAsString(new org.federation.club.contracts.ClubStateChanged(dissolving, "active",
                        "members graduated")));
    }

    /** A club event that parses but fails validation: its snapshot has no name and no state. */
    public static EventEnvelope withoutNameOrState(String clubId) {
        return RawEvents.envelope(ClubEventTypes.ESTABLISHED, "/club-service", clubId, 1,
                "{\"club\":{\"id\":\"" + clubId + "\"},\"origin\":\"imported\"}");
    }

    private static ClubSnapshot snapshot(String clubId, String name, String leader, List<String> members) {
        return snapshot(clubId, name, leader, members, null);
    }

    private static ClubSnapshot snapshot(String clubId, String name, String leader, List<String> members, String liaison) {
        return new ClubSnapshot(clubId, name, "sports", "active", LocalDate.of(2015, 9, 1), null,
                List.of(new ClubLeader(leader, "Leader " + leader, "president")), members, liaison, null,
                "club@example.edu");
    }

    /** A club entering the platform with the liaison officer the roster assigned to it. */
    public static EventEnvelope established(String clubId, String name, String leader, List<String> members, String liaison) {
        return RawEvents.envelope(ClubEventTypes.ESTABLISHED, "/club-service", clubId, 1, JSON.writeValueAsString(
                new ClubEstablished(snapshot(clubId, name, leader, members, liaison), ClubEstablished.IMPORTED)));
    }

    /**
     * {@link #ensureOwnAndOtherClub}, with the liaison personas assigned too: {@link Persona#LIAISON}
     * looks after club {@code own}, {@link Persona#OTHER_LIAISON} after club {@code other}.
     */
    public static void ensureOwnAndOtherClubWithLiaisons(String own, String other, Predicate<String> known) {
        if (known.test(own) && known.test(other)) {
            return;
        }
        publish(established(own, "Own club " + own, Persona.LEADER.subject(), List.of(Persona.MEMBER.subject()),
                        Persona.LIAISON.subject()),
                established(other, "Other club " + other, Persona.OTHER_LEADER.subject(), List.of(),
                        Persona.OTHER_LIAISON.subject()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> known.test(own) && known.test(other));
    }

    /**
     * Makes the authorization matrix's club personas true in a consumer's own copy: club
     * {@code own} led by {@link Persona#LEADER} with {@link Persona#MEMBER}, club {@code other} led
     * by {@link Persona#OTHER_LEADER}. Publishes them once and waits until {@code known} sees both.
     */
    public static void ensureOwnAndOtherClub(String own, String other, Predicate<String> known) {
        if (known.test(own) && known.test(other)) {
            return;
        }
        publish(established(own, "Own club " + own, Persona.LEADER.subject(), List.of(Persona.MEMBER.subject())),
                established(other, "Other club " + other, Persona.OTHER_LEADER.subject(), List.of()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> known.test(own) && known.test(other));
    }

    /** Sends events on the embedded backbone's {@code club.events}. */
    public static void publish(EventEnvelope... events) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            for (EventEnvelope event : events) {
                raw.send(ClubTopics.CLUB_EVENTS, event);
            }
        }
    }

    /** Sends a record that is no event at all (no envelope headers). */
    public static void publishGarbage(String key, String body) {
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.sendWithoutEnvelope(ClubTopics.CLUB_EVENTS, key, body);
        }
    }

    /** Publishes the club on the embedded backbone's {@code club.events}. */
    public static void publishEstablished(String clubId, String name, String leader, List<String> members) {
        publish(established(clubId, name, leader, members));
    }
}
