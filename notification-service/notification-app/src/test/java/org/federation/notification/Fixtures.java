package org.federation.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubLeader;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.testing.RawEvents;
import org.federation.platform.testing.TestTokens;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;

import tools.jackson.databind.JsonNode;

/** What several service tests need: the personas' clubs, signed-in staff, a sent direct notice. */
public final class Fixtures {

    public static final String OWN_CLUB = "club-notify-own";
    public static final String OTHER_CLUB = "club-notify-other";

    private Fixtures() {
    }

    /** {@link Persona#LEADER} leads (and {@link Persona#MEMBER} belongs to) the own club; another club for OTHER_LEADER. */
    public static void ensureClubs(Predicate<String> known) {
        ClubFacts.ensureOwnAndOtherClub(OWN_CLUB, OTHER_CLUB, known);
    }

    /** Every persona calls once, so the directory knows their department roles and e-mail from their tokens. */
    public static void signInEveryone(HttpProbe app) {
        for (Persona persona : Persona.values()) {
            if (persona != Persona.ANONYMOUS) {
                persona.on(app).get("/api/notice-kinds");
            }
        }
    }

    /** Sends a direct notice as {@code sender} and waits until it is sent; returns it. */
    public static JsonNode sendAndAwait(HttpProbe sender, String body) {
        HttpProbe.Response sent = sender.postJson("/api/direct-notices", body);
        if (sent.status() != 202) {
            throw new AssertionError("direct notice refused: " + sent.status() + " " + sent.body());
        }
        String id = sent.json().get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                "sent".equals(sender.get("/api/direct-notices/" + id).json().get("state").asString()));
        return sender.get("/api/direct-notices/" + id).json();
    }

    /** A club as club-service would establish it: leaders, members, category and liaison officer (or null). */
    public static EventEnvelope club(String id, String category, List<String> leaders, List<String> members, String liaison) {
        ClubSnapshot snapshot = new ClubSnapshot(id, "Club " + id, category, "active", LocalDate.of(2016, 9, 1), null,
                leaders.stream().map(l -> new ClubLeader(l, "Leader " + l, "president")).toList(), members, liaison, null,
                id + "@example.edu");
        return RawEvents.envelope(ClubEventTypes.ESTABLISHED, "/club-service", id, 1,
                JSON.writeValueAsString(new ClubEstablished(snapshot, ClubEstablished.IMPORTED)));
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** A signed-in student (no federation role) by number. */
    public static HttpProbe student(HttpProbe app, String number) {
        return TestTokens.as(app, number, List.of("STUDENT"));
    }

    public static String inAnHour() {
        return Instant.now().plus(Duration.ofHours(1)).toString();
    }
}
