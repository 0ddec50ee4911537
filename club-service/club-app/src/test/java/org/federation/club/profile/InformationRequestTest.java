package org.federation.club.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.federation.club.contracts.ClubProfileUpdated;
import org.federation.club.profile.domain.ClubProfileFacts;
import org.federation.club.profile.domain.InformationRequest;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.junit.jupiter.api.Test;

/** Which fields a request answers from the profile and which it asks; freshness; as-of history. */
class InformationRequestTest {

    static final Instant NOW = Instant.parse("2026-10-01T08:00:00Z");

    static ClubProfileUpdated.Fact fact(String field, String value, Instant at) {
        return new ClubProfileUpdated.Fact(field, value, "someone", at, "registration 2026-2027");
    }

    static InformationRequest open(List<String> fields, Duration maxAge, Map<String, ClubProfileUpdated.Fact> known) {
        return InformationRequest.open("r1", "publicity", "Showcase booklet", fields, maxAge, NOW.plusSeconds(86_400),
                Map.of("c1", "Club One"), id -> known, "2022040002", NOW).state();
    }

    @Test
    void freshFactsAreAnsweredFromTheProfileAndOnlyTheRestIsAsked() {
        Map<String, ClubProfileUpdated.Fact> known = new LinkedHashMap<>();
        known.put("contact", fact("contact", "a@x.edu", NOW.minus(Duration.ofDays(30))));
        known.put("meetingPlace", fact("meetingPlace", "Room 101", NOW.minus(Duration.ofDays(400))));
        known.put("memberCount", fact("memberCount", "42", NOW.minus(Duration.ofDays(999))));
        InformationRequest request = open(List.of("contact", "meetingPlace", "memberCount", "constitution"),
                Duration.ofDays(180), known);
        InformationRequest.ClubEntry entry = request.entry("c1");
        assertThat(entry.fromProfile()).containsOnlyKeys("contact", "memberCount");
        assertThat(entry.asked()).as("stale and missing").containsExactly("meetingPlace", "constitution");
        assertThat(entry.complete()).isFalse();
    }

    @Test
    void aClubAnswersOnlyWhatItWasAskedAndOnlyOnce() {
        InformationRequest request = open(List.of("contact", "constitution"), Duration.ofDays(180),
                Map.of("contact", fact("contact", "a@x.edu", NOW)));
        assertThatThrownBy(() -> request.answer("c1", Map.of("contact", "b@x.edu"), "L", NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("was not asked for contact");
        InformationRequest.Answer answer = request.answer("c1", Map.of("constitution", "Article 1 …"), "L", NOW);
        assertThat(answer.facts()).singleElement().satisfies(f -> assertThat(f.source()).isEqualTo("request:r1"));
        assertThat(answer.request().entry("c1").complete()).isTrue();
        assertThatThrownBy(() -> answer.request().answer("c1", Map.of("constitution", "again"), "L", NOW))
                .isInstanceOf(StateConflictException.class);
    }

    @Test
    void unknownFieldsPastDeadlinesAndRepeatsAreRefused() {
        assertThatThrownBy(() -> open(List.of("favouriteColour"), Duration.ofDays(1), Map.of()))
                .hasMessageContaining("not a profile field");
        assertThatThrownBy(() -> open(List.of("contact", "contact"), Duration.ofDays(1), Map.of()))
                .hasMessageContaining("once");
        assertThatThrownBy(() -> InformationRequest.open("r", "publicity", "t", List.of("contact"), Duration.ofDays(1),
                NOW.minusSeconds(1), Map.of("c1", "C"), id -> Map.of(), "x", NOW)).hasMessageContaining("deadline");
    }

    @Test
    void theProfileRemembersWhatEachFieldSaidOnAnyDay() {
        ClubProfileFacts facts = ClubProfileFacts.none("c1")
                .set(List.of(fact("meetingPlace", "Room 101", NOW.minus(Duration.ofDays(10)))), "L").state()
                .set(List.of(fact("meetingPlace", "Gym", NOW)), "L").state();
        assertThat(facts.asOf("meetingPlace", NOW.minus(Duration.ofDays(5)))).get()
                .satisfies(f -> assertThat(f.value()).isEqualTo("Room 101"));
        assertThat(facts.current("meetingPlace")).get().satisfies(f -> assertThat(f.value()).isEqualTo("Gym"));
        assertThat(facts.asOf("meetingPlace", NOW.minus(Duration.ofDays(20)))).isEmpty();
        assertThat(facts.set(List.of(fact("meetingPlace", "Gym", NOW)), "L").events()).as("a repeat").isEmpty();
    }
}
