package org.federation.club.profile.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubProfileUpdated;
import org.federation.club.contracts.InformationRequested;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;

/**
 * A department's request for information from clubs. For each club, every field the shared
 * profile holds fresh enough is answered from it at once; only the missing or stale ones are
 * asked. The club's answers go into the profile, so the next department gets them for free.
 *
 * @param maxAge how old a fact may be and still count as fresh for this request
 */
public record InformationRequest(String id, String department, String title, List<String> fields, Duration maxAge,
                                 Instant deadline, String requestedBy, Instant requestedAt, List<ClubEntry> clubs) {

    /**
     * One club's part: what came from the profile, what it is asked, what it supplied.
     */
    public record ClubEntry(String clubId, String clubName, Map<String, ClubProfileUpdated.Fact> fromProfile,
                            List<String> asked, Map<String, ClubProfileUpdated.Fact> supplied) {

        public boolean complete() {
            return supplied.keySet().containsAll(asked);
        }
    }

    /**
     * Opens a request and resolves it against what is known of each club now.
     *
     * @param known for a club id, its current facts by field (from its profile and club-service's own records)
     */
    public static Decision<InformationRequest> open(String id, String department, String title, List<String> fields, Duration maxAge,
                              Instant deadline, Map<String, String> clubNames,
                              Function<String, Map<String, ClubProfileUpdated.Fact>> known, String actor, Instant now) {
        if (fields.isEmpty() || fields.stream().distinct().count() != fields.size()) {
            throw new RuleViolationException("fields", "name each field once, at least one");
        }
        for (String field : fields) {
            ProfileField.fromValue(field).orElseThrow(() -> new RuleViolationException("fields",
                    "'" + field + "' is not a profile field; known: " + ProfileField.allowedValues()));
        }
        if (!deadline.isAfter(now)) {
            throw new RuleViolationException("deadline", "the deadline must be in the future");
        }
        if (clubNames.isEmpty()) {
            throw new RuleViolationException("clubIds", "no club to ask");
        }
        Instant freshSince = now.minus(maxAge);
        List<ClubEntry> entries = new ArrayList<>();
        int answered = 0;
        List<InformationRequested.ClubAsked> asked = new ArrayList<>();
        for (Map.Entry<String, String> club : clubNames.entrySet()) {
            Map<String, ClubProfileUpdated.Fact> facts = known.apply(club.getKey());
            Map<String, ClubProfileUpdated.Fact> fromProfile = new LinkedHashMap<>();
            List<String> toAsk = new ArrayList<>();
            for (String field : fields) {
                ClubProfileUpdated.Fact fact = facts.get(field);
                boolean live = ProfileField.fromValue(field).orElseThrow().live();
                if (fact != null && (live || !fact.setAt().isBefore(freshSince))) {
                    fromProfile.put(field, fact);
                } else {
                    toAsk.add(field);
                }
            }
            answered += fromProfile.size();
            if (!toAsk.isEmpty()) {
                asked.add(new InformationRequested.ClubAsked(club.getKey(), toAsk));
            }
            entries.add(new ClubEntry(club.getKey(), club.getValue(), fromProfile, toAsk, Map.of()));
        }
        InformationRequest request = new InformationRequest(id, department, title, List.copyOf(fields), maxAge, deadline,
                actor, now, entries);
        return Decision.of(request, new DomainEvent(ClubEventTypes.INFORMATION_REQUESTED, actor,
                new InformationRequested(id, department, title, deadline, asked, answered)));
    }

    /**
     * A club supplies fields it was asked. Only asked, not yet supplied fields are accepted.
     *
     * @return the request with the answers, and the facts for the club's profile
     */
    public Answer answer(String clubId, Map<String, String> values, String actor, Instant now) {
        ClubEntry entry = entry(clubId);
        for (String field : values.keySet()) {
            if (!entry.asked().contains(field)) {
                throw new RuleViolationException(field, "club " + clubId + " was not asked for " + field
                        + " in request " + id + "; it was asked: " + entry.asked());
            }
            if (entry.supplied().containsKey(field)) {
                throw new StateConflictException("club " + clubId + " already supplied " + field + " for request " + id);
            }
        }
        Map<String, ClubProfileUpdated.Fact> supplied = new LinkedHashMap<>(entry.supplied());
        List<ClubProfileUpdated.Fact> facts = new ArrayList<>();
        values.forEach((field, value) -> {
            ClubProfileUpdated.Fact fact = new ClubProfileUpdated.Fact(field, value, actor, now, "request:" + id);
            supplied.put(field, fact);
            facts.add(fact);
        });
        List<ClubEntry> entries = clubs.stream().map(e -> e.clubId().equals(clubId)
                ? new ClubEntry(e.clubId(), e.clubName(), e.fromProfile(), e.asked(), supplied) : e).toList();
        return new Answer(new InformationRequest(id, department, title, fields, maxAge, deadline, requestedBy, requestedAt,
                entries), facts);
    }

    public record Answer(InformationRequest request, List<ClubProfileUpdated.Fact> facts) {
    }

    /**
     * The profile learned facts of a club: every field this request still asks the club for and
     * the club has not supplied here is answered from the profile from now on, so the club is asked
     * only what is still missing. A request past its deadline stays as it was.
     *
     * @return the changed request, or empty if it asked the club none of these fields
     */
    public java.util.Optional<InformationRequest> learned(String clubId, List<ClubProfileUpdated.Fact> facts, Instant now) {
        if (now.isAfter(deadline)) {
            return java.util.Optional.empty();
        }
        ClubEntry entry = clubs.stream().filter(e -> e.clubId().equals(clubId)).findFirst().orElse(null);
        if (entry == null) {
            return java.util.Optional.empty();
        }
        List<String> stillAsked = new ArrayList<>(entry.asked());
        Map<String, ClubProfileUpdated.Fact> fromProfile = new LinkedHashMap<>(entry.fromProfile());
        for (ClubProfileUpdated.Fact fact : facts) {
            if (stillAsked.contains(fact.field()) && !entry.supplied().containsKey(fact.field())) {
                stillAsked.remove(fact.field());
                fromProfile.put(fact.field(), fact);
            }
        }
        if (stillAsked.size() == entry.asked().size()) {
            return java.util.Optional.empty();
        }
        List<ClubEntry> entries = clubs.stream().map(e -> e.clubId().equals(clubId)
                ? new ClubEntry(e.clubId(), e.clubName(), fromProfile, stillAsked, e.supplied()) : e).toList();
        return java.util.Optional.of(new InformationRequest(id, department, title, fields, maxAge, deadline, requestedBy,
                requestedAt, entries));
    }

    public ClubEntry entry(String clubId) {
        return clubs.stream().filter(e -> e.clubId().equals(clubId)).findFirst()
                .orElseThrow(() -> new org.federation.platform.problem.ResourceNotFoundException(
                        "club " + clubId + " in information request", id));
    }

    public static String eventType() {
        return ClubEventTypes.INFORMATION_REQUESTED;
    }
}
