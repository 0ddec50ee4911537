package org.federation.notification.routing.domain;

import java.time.Instant;
import java.util.List;

/**
 * Routed events that named clubs not in the directory yet ({@code club.events} is not ordered with
 * the other topics), kept so that their people get the notice once the clubs' events are read (a
 * port). Each is kept until its clubs are known, however long that takes; it is tried again at its
 * {@code nextAttemptAt}, which an instance moves on before it tries (compare-and-set), so two
 * instances never try the same one at once.
 */
public interface AwaitingClubs {

    /**
     * A routed event waiting for clubs, since when; when it is tried next (null for one kept before
     * retries were spaced out: due at once) and how often it was tried (null counts as 0).
     */
    record Waiting(String id, Routed routed, String actor, List<String> missingClubs, Instant since,
                   Instant nextAttemptAt, Integer attempts) {

        public int tried() {
            return attempts == null ? 0 : attempts;
        }
    }

    /** How many wait, and since when the oldest does (null if none). */
    record Backlog(long waiting, Instant oldestSince) {
    }

    /** Keeps (or refreshes) the routed event with the clubs it still waits for; {@code since} stays the first time. */
    void remember(Routed routed, String actor, List<String> missingClubs, Instant now);

    /** Those due to be tried by {@code now}, the longest due first. */
    List<Waiting> due(Instant now, int limit);

    /**
     * Takes this one for an attempt now, moving its next attempt to {@code next}; false if another
     * instance took it first (its next attempt is no longer what was read) or it is gone.
     */
    boolean claim(Waiting waiting, Instant next);

    List<Waiting> oldestFirst(int limit);

    Backlog backlog();

    void forget(Routed routed);
}
