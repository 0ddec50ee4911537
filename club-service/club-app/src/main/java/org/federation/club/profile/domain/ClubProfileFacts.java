package org.federation.club.profile.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubProfileUpdated;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;

/**
 * The facts of a club's shared profile that were supplied to the federation (by answering a
 * request, or by the club itself), each with who set it, when and from which source, and every
 * earlier value, so "what did the profile say on a date" has an answer.
 */
public record ClubProfileFacts(String clubId, List<ClubProfileUpdated.Fact> history) {

    public ClubProfileFacts {
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static ClubProfileFacts none(String clubId) {
        return new ClubProfileFacts(clubId, List.of());
    }

    /**
     * Records facts ({@code profile-updated}, caused by {@code actor}); a fact equal in value and
     * source to the current one is a repeat and changes nothing.
     */
    public Decision<ClubProfileFacts> set(List<ClubProfileUpdated.Fact> facts, String actor) {
        List<ClubProfileUpdated.Fact> fresh = facts.stream().filter(f -> current(f.field())
                .map(c -> !Objects.equals(c.value(), f.value()) || !Objects.equals(c.source(), f.source()))
                .orElse(true)).toList();
        if (fresh.isEmpty()) {
            return Decision.quietly(this);
        }
        List<ClubProfileUpdated.Fact> all = new ArrayList<>(history);
        all.addAll(fresh);
        return Decision.of(new ClubProfileFacts(clubId, all), new DomainEvent(ClubEventTypes.PROFILE_UPDATED, actor,
                new ClubProfileUpdated(clubId, fresh)));
    }

    /** The newest value of a field. */
    public Optional<ClubProfileUpdated.Fact> current(String field) {
        return asOf(field, Instant.MAX);
    }

    /** The value a field had at an instant (the newest set at or before it). */
    public Optional<ClubProfileUpdated.Fact> asOf(String field, Instant at) {
        return history.stream().filter(f -> f.field().equals(field) && !f.setAt().isAfter(at))
                .max(Comparator.comparing(ClubProfileUpdated.Fact::setAt));
    }

    /** Every value a field had, oldest first. */
    public List<ClubProfileUpdated.Fact> historyOf(String field) {
        return history.stream().filter(f -> f.field().equals(field)).toList();
    }

    public static String eventType() {
        return ClubEventTypes.PROFILE_UPDATED;
    }
}
