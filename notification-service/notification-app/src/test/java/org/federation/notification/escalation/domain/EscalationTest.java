package org.federation.notification.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.federation.notification.contracts.NoticeEscalated;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.junit.jupiter.api.Test;

/** When an unacknowledged notice escalates, and to whom: the clock is a parameter, nothing sleeps. */
class EscalationTest {

    static final Instant DEADLINE = Instant.parse("2026-12-01T12:00:00Z");
    static final Duration HEAD_DELAY = Duration.ofDays(2);
    /** The configured defaults: the liaison officer at the deadline, the head two days after. */
    static final EscalationTiming DEFAULTS = new EscalationTiming(Duration.ZERO, HEAD_DELAY);
    static final Set<String> HEADS = Set.of("2022010001");

    static Escalation club() {
        return Escalation.open("n1", "organization", "Club exchange conference", "club:c1", "c1",
                List.of("person:2023010001"), DEADLINE, DEFAULTS).state();
    }

    @Test
    void nothingIsDueBeforeTheDeadlineAndTheFirstStepIsDueAtIt() {
        Escalation escalation = club();
        assertThat(escalation.isDue(DEADLINE.minusMillis(1))).isFalse();
        assertThat(escalation.isDue(DEADLINE)).isTrue();
        assertThatThrownBy(() -> escalation.escalate(DEADLINE.minusSeconds(1), "2022070001", HEADS, DEFAULTS))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClubWithALiaisonOfficerEscalatesToThemThenToTheHeadAfterTheDelay() {
        Decision<Escalation> first = club().escalate(DEADLINE.plusSeconds(5), "2022070001", HEADS, DEFAULTS);
        assertThat(first.state().lastStep().step()).isEqualTo(Escalation.LIAISON_STEP);
        assertThat(first.state().lastStep().to()).containsExactly("person:2022070001");
        Escalation afterFirst = first.state();
        assertThat(afterFirst.status()).isEqualTo(Escalation.ESCALATED_TO_LIAISON);
        assertThat(afterFirst.dueAt()).as("measured from the deadline, not from when the sweep ran").isEqualTo(DEADLINE.plus(HEAD_DELAY));
        assertThat(afterFirst.isDue(DEADLINE.plus(HEAD_DELAY).minusMillis(1))).isFalse();

        Decision<Escalation> second = afterFirst.escalate(DEADLINE.plus(HEAD_DELAY), "2022070001", HEADS, DEFAULTS);
        assertThat(second.state().lastStep().step()).isEqualTo(Escalation.HEAD_STEP);
        assertThat(second.state().lastStep().to()).containsExactly("person:2022010001");
        assertThat(second.state().status()).isEqualTo(Escalation.ESCALATED_TO_HEAD);
        assertThat(second.state().isDue(Instant.MAX)).as("the head is the last step").isFalse();
        assertThat(second.state().steps()).extracting(Escalation.Step::step)
                .containsExactly(Escalation.LIAISON_STEP, Escalation.HEAD_STEP);
    }

    @Test
    void aStepIsAnnouncedAsNoticeEscalatedTakenByTheSystemWhileOpeningAndAcknowledgingAreQuiet() {
        Decision<Escalation> toLiaison = club().escalate(DEADLINE, "2022070001", HEADS, DEFAULTS);
        assertThat(toLiaison.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("org.federation.notification.notice-escalated.v1");
            assertThat(event.actor()).isEqualTo(DomainEvent.SYSTEM);
            assertThat(event.payload()).isEqualTo(new NoticeEscalated("n1:club:c1", "n1", "organization", "club:c1",
                    Escalation.LIAISON_STEP, List.of("person:2022070001"), DEADLINE, DEADLINE));
        });
        assertThat(Escalation.open("n1", "organization", "t", "club:c1", "c1", List.of("person:1"), DEADLINE, DEFAULTS)
                .events()).isEmpty();
        assertThat(toLiaison.state().acknowledge(DEADLINE.plusSeconds(1)).events()).isEmpty();
    }

    @Test
    void aClubWithoutLiaisonOfficerGoesToTheHeadAtTheDeadline() {
        Decision<Escalation> taken = club().escalate(DEADLINE, null, HEADS, DEFAULTS);
        assertThat(taken.state().lastStep().step()).isEqualTo(Escalation.HEAD_STEP);
        assertThat(taken.state().isDue(Instant.MAX)).isFalse();
    }

    @Test
    void aRecipientOutsideAnyClubGoesToTheHeadAtTheDeadline() {
        Escalation liaison = Escalation.open("n1", "organization", "t", "person:2022070001", null,
                List.of("person:2022070001"), DEADLINE, DEFAULTS).state();
        assertThat(liaison.escalate(DEADLINE, "2022070009", HEADS, DEFAULTS).state().lastStep().step()).isEqualTo(Escalation.HEAD_STEP);
    }

    @Test
    void withoutAKnownHeadTheDepartmentsOwnInboxIsTold() {
        Decision<Escalation> taken = club().escalate(DEADLINE, null, Set.of(), DEFAULTS);
        assertThat(taken.state().lastStep().to()).containsExactly("department:organization");
    }

    @Test
    void aSweepLongAfterBothDeadlinesTakesBothStepsAtOnce() {
        Instant muchLater = DEADLINE.plus(Duration.ofDays(30));
        Escalation afterFirst = club().escalate(muchLater, "2022070001", HEADS, DEFAULTS).state();
        assertThat(afterFirst.isDue(muchLater)).as("nothing forgotten after a long outage").isTrue();
    }

    @Test
    void anAcknowledgementStopsEveryFurtherStepAndKeepsItsFirstTime() {
        Instant at = DEADLINE.minusSeconds(60);
        Escalation acknowledged = club().acknowledge(at).state();
        assertThat(acknowledged.isDue(Instant.MAX)).isFalse();
        assertThat(acknowledged.acknowledge(DEADLINE).state().acknowledgedAt()).isEqualTo(at);
        Escalation lateAcknowledgement = club().escalate(DEADLINE, "2022070001", HEADS, DEFAULTS).state()
                .acknowledge(DEADLINE.plusSeconds(10)).state();
        assertThat(lateAcknowledgement.isDue(DEADLINE.plus(HEAD_DELAY))).isFalse();
        assertThat(lateAcknowledgement.steps()).hasSize(1);
    }

    @Test
    void aSendersOwnTimingMovesBothStepsRelativeToTheDeadline() {
        EscalationTiming own = new EscalationTiming(Duration.ofHours(6), Duration.ofHours(30));
        Escalation escalation = Escalation.open("n2", "publicity", "Poster deadline", "club:c1", "c1",
                List.of("person:2023010001"), DEADLINE, own).state();
        assertThat(escalation.isDue(DEADLINE)).as("not at the deadline itself").isFalse();
        assertThat(escalation.isDue(DEADLINE.plus(Duration.ofHours(6)).minusMillis(1))).isFalse();
        Decision<Escalation> toLiaison = escalation.escalate(DEADLINE.plus(Duration.ofHours(6)), "2022070001", HEADS, DEFAULTS);
        assertThat(toLiaison.state().lastStep().step()).isEqualTo(Escalation.LIAISON_STEP);
        assertThat(toLiaison.state().dueAt()).as("its own head step, not the default two days")
                .isEqualTo(DEADLINE.plus(Duration.ofHours(30)));
        assertThat(toLiaison.state().escalate(DEADLINE.plus(Duration.ofHours(30)), "2022070001", HEADS, DEFAULTS)
                .state().lastStep().step()).isEqualTo(Escalation.HEAD_STEP);
    }

    @Test
    void anEscalationOpenedWithoutATimingOfItsOwnFollowsTheDefaults() {
        Escalation legacy = new Escalation("n3:club:c1", "n3", "organization", "t", "club:c1", "c1", List.of("person:1"),
                DEADLINE, DEADLINE, Escalation.WAITING, List.of(), null, null);
        assertThat(legacy.escalate(DEADLINE, "2022070001", HEADS, DEFAULTS).state().dueAt())
                .isEqualTo(DEADLINE.plus(HEAD_DELAY));
    }

    @Test
    void aTimingMustEscalateAtOrAfterTheDeadlineHeadAfterLiaisonAndWithinThirtyDays() {
        assertThat(new EscalationTiming(Duration.ZERO, Duration.ofMinutes(1)).toHead()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new EscalationTiming(Duration.ofDays(29), Duration.ofDays(30)).toLiaison()).isEqualTo(Duration.ofDays(29));
        record Case(Duration liaison, Duration head, String field) {
        }
        for (Case bad : List.of(new Case(Duration.ofHours(-1), Duration.ofDays(1), "escalateToLiaisonAfter"),
                new Case(Duration.ofDays(1), Duration.ofDays(1), "escalateToHeadAfter"),
                new Case(Duration.ofDays(2), Duration.ofDays(1), "escalateToHeadAfter"),
                new Case(Duration.ZERO, Duration.ZERO, "escalateToHeadAfter"),
                new Case(Duration.ofDays(31), Duration.ofDays(32), "escalateToLiaisonAfter"),
                new Case(Duration.ofDays(1), Duration.ofDays(30).plusSeconds(1), "escalateToHeadAfter"),
                new Case(null, Duration.ofDays(1), "escalateToLiaisonAfter"))) {
            assertThatThrownBy(() -> new EscalationTiming(bad.liaison(), bad.head())).as(bad.toString())
                    .isInstanceOfSatisfying(EscalationTiming.Invalid.class, e -> assertThat(e.field()).isEqualTo(bad.field()));
        }
    }
}
