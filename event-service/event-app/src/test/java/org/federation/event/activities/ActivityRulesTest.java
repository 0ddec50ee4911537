package org.federation.event.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.federation.event.activities.domain.Activity;
import org.federation.event.activities.domain.VenueSchedule;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.IllegalTransitionException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.junit.jupiter.api.Test;

/** Approval rules and venue conflicts, without Spring. */
class ActivityRulesTest {

    static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
    static final Duration LEAD = Duration.ofDays(7);
    static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    static Activity.Plan plan(Instant start, Instant end) {
        return new Activity.Plan("Go night", "tournament", null, start, end, "Hall A", "public", 40, null);
    }

    @Test
    void aProposalRespectsTheLeadTimeAndEndsAfterItStarts() {
        assertThatThrownBy(() -> Activity.propose("a", plan(NOW.plus(Duration.ofDays(6)), NOW.plus(Duration.ofDays(6)).plusSeconds(3600)),
                List.of("c1"), "c1", null, "sports", "L", NOW, LEAD))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("at least 7 days");
        assertThatThrownBy(() -> Activity.propose("a", plan(START, START), List.of("c1"), "c1", null, "sports", "L", NOW, LEAD))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("ends after it starts");
        Activity own = Activity.propose("a", plan(START, START.plusSeconds(7200)), List.of("c1"), "c1", null, "sports", "L", NOW, LEAD).state();
        assertThat(own.state()).isEqualTo(Activity.PROPOSED);
    }

    @Test
    void aJointActivityGoesForReviewOnlyWhenEveryCoOrganiserConfirmed() {
        Activity joint = Activity.propose("a", plan(START, START.plusSeconds(7200)), List.of("c1", "c2", "c3"), "c1", null,
                "sports", "L", NOW, LEAD).state();
        assertThat(joint.state()).isEqualTo(Activity.AWAITING_CONFIRMATION);
        assertThatThrownBy(() -> joint.approve("org")).isInstanceOf(IllegalTransitionException.class);
        Activity two = joint.confirm("c2").state();
        assertThat(two.state()).isEqualTo(Activity.AWAITING_CONFIRMATION);
        assertThat(two.confirm("c2").changesNothing(two)).as("a repeated confirmation changes nothing").isTrue();
        assertThatThrownBy(() -> two.confirm("c9")).isInstanceOf(RuleViolationException.class);
        Activity all = two.confirm("c3").state();
        assertThat(all.state()).isEqualTo(Activity.PROPOSED);
        Activity approved = all.approve("org").state();
        assertThat(approved.isPublished()).isTrue();
        assertThatThrownBy(() -> approved.approve("org")).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("approved");
        assertThat(all.returnWith(List.of("no risk plan"), "org").state().returnReasons()).containsExactly("no risk plan");
    }

    @Test
    void aReturnedProposalIsEditedAndResubmittedKeepingEachReturnsReasonsOnlyFromReturned() {
        Activity proposed = Activity.propose("a", plan(START, START.plusSeconds(7200)), List.of("c1"), "c1", null,
                "sports", "L", NOW, LEAD).state();
        assertThatThrownBy(() -> proposed.resubmit(Activity.Edit.none(), "L", NOW, LEAD))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("proposed");
        Activity returned = proposed.returnWith(List.of("no risk plan", "venue too small"), "org1").state();
        assertThat(returned.allowedActions()).contains("resubmit");
        Instant later = START.plus(Duration.ofDays(2));
        Activity again = returned.resubmit(new Activity.Edit(null, null, "with a risk plan", later,
                later.plusSeconds(3600), "Hall B", null, 60, 50), "L", NOW.plusSeconds(60), LEAD).state();
        assertThat(again.state()).isEqualTo(Activity.PROPOSED);
        assertThat(again.returnReasons()).isEmpty();
        assertThat(again.decidedBy()).isNull();
        assertThat(again.title()).isEqualTo("Go night");
        assertThat(again.venue()).isEqualTo("Hall B");
        assertThat(again.start()).isEqualTo(later);
        assertThat(again.capacity()).isEqualTo(50);
        assertThat(again.resubmissions()).containsExactly(new Activity.Resubmission(
                List.of("no risk plan", "venue too small"), "org1", "L", NOW.plusSeconds(60)));
        Activity twice = again.returnWith(List.of("still no first aid"), "org2").state()
                .resubmit(Activity.Edit.none(), "L", NOW.plusSeconds(120), LEAD).state();
        assertThat(twice.resubmissions()).extracting(Activity.Resubmission::returnReasons)
                .containsExactly(List.of("no risk plan", "venue too small"), List.of("still no first aid"));
        assertThat(twice.approve("org1").state().resubmissions()).hasSize(2);
        assertThatThrownBy(() -> twice.resubmit(Activity.Edit.none(), "L", NOW, LEAD))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> returned.resubmit(new Activity.Edit(null, null, null, NOW.plusSeconds(60),
                NOW.plusSeconds(3600), null, null, null, null), "L", NOW, LEAD))
                .as("the lead time holds again").isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> returned.resubmit(new Activity.Edit(null, null, null, null, null, null, "nobody", null,
                null), "L", NOW, LEAD)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> returned.cancel("x", "L").state().resubmit(Activity.Edit.none(), "L", NOW, LEAD))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aMergedClubsPartPassesToItsSuccessorAndADissolvedOneLeavesAJointActivity() {
        Activity joint = Activity.propose("a", plan(START, START.plusSeconds(7200)), List.of("c1", "c2"), "c1", null,
                "sports", "L", NOW, LEAD).state();
        assertThat(joint.handOver("c2", "c9").state().organiserClubIds()).containsExactly("c1", "c9");
        assertThat(joint.handOver("c2", "c1").state().organiserClubIds()).containsExactly("c1");
        Activity without = joint.withoutClub("c2").state();
        assertThat(without.organiserClubIds()).containsExactly("c1");
        assertThat(without.state()).as("the one left had confirmed").isEqualTo(Activity.PROPOSED);
    }

    @Test
    void onlyAPublishedActivitysChangesAreNewsEachCarryingWhoCausedIt() {
        Decision<Activity> proposed = Activity.propose("a", plan(START, START.plusSeconds(7200)), List.of("c1", "c2"), "c1",
                null, "sports", "L", NOW, LEAD);
        assertThat(proposed.events()).as("a proposal is for the review queue, by its proposer (issue 19)")
                .extracting(DomainEvent::type, DomainEvent::actor).containsExactly(tuple(ActivityEventTypes.PROPOSED, "L"));
        assertThat(((org.federation.event.contracts.ActivityProposed) proposed.events().get(0).payload()).activity().state())
                .isEqualTo(Activity.AWAITING_CONFIRMATION);
        assertThat(proposed.state().cancel("changed our minds", "L").events()).as("nor is its cancellation").isEmpty();

        Decision<Activity> approved = proposed.state().confirm("c2").state().approve("org");
        assertThat(approved.events()).extracting(DomainEvent::type, DomainEvent::actor)
                .containsExactly(tuple(ActivityEventTypes.PUBLISHED, "org"));
        Activity published = approved.state();
        assertThat(published.reschedule(START, START.plusSeconds(7200), "Hall A", "L", NOW, LEAD).changesNothing(published))
                .as("the same time and venue again").isTrue();
        assertThat(published.reschedule(START, START.plusSeconds(9000), "Hall A", "L", NOW, LEAD).events())
                .extracting(DomainEvent::type, DomainEvent::actor).containsExactly(tuple(ActivityEventTypes.CHANGED, "L"));
        assertThat(published.handOver("c2", "c9").events()).extracting(DomainEvent::type, DomainEvent::actor)
                .containsExactly(tuple(ActivityEventTypes.CHANGED, DomainEvent.SYSTEM));
        Decision<Activity> cancelled = published.cancel("rain", "org2");
        assertThat(cancelled.events()).extracting(DomainEvent::type, DomainEvent::actor)
                .containsExactly(tuple(ActivityEventTypes.CANCELLED, "org2"));
        assertThat(cancelled.state().cancel("again", "org2").changesNothing(cancelled.state())).isTrue();

        Decision<Activity> overdue = published.reportOverdue(Duration.ofDays(14));
        assertThat(overdue.events()).extracting(DomainEvent::type, DomainEvent::actor)
                .containsExactly(tuple(ActivityEventTypes.REPORT_OVERDUE, DomainEvent.SYSTEM));
        assertThat(overdue.state().reportOverdue(Duration.ofDays(14)).events()).as("announced once").isEmpty();
        assertThat(overdue.state().reportSubmitted("done", List.of(), 3, true, "L").events())
                .extracting(DomainEvent::type, DomainEvent::actor).containsExactly(tuple(ActivityEventTypes.REPORT_SUBMITTED, "L"));
    }

    @Test
    void noTwoBookingsOverlapInOneVenueAndTheRefusalNamesTheOtherActivity() {
        VenueSchedule hall = VenueSchedule.empty("  Hall   A ");
        assertThat(hall.id()).isEqualTo("hall a");
        VenueSchedule one = hall.book(new VenueSchedule.Booking("a1", "Go night", START, START.plusSeconds(3600)));
        assertThatThrownBy(() -> one.book(new VenueSchedule.Booking("a2", "Chess", START.plusSeconds(1800), START.plusSeconds(5400))))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("a1").hasMessageContaining("Go night");
        assertThatThrownBy(() -> one.book(new VenueSchedule.Booking("a2", "Chess", START.minusSeconds(60), START.plusSeconds(7200))))
                .isInstanceOf(StateConflictException.class);
        VenueSchedule two = one.book(new VenueSchedule.Booking("a2", "Chess", START.plusSeconds(3600), START.plusSeconds(7200)));
        assertThat(two.bookings()).hasSize(2).as("back to back is no overlap");
        assertThat(two.book(new VenueSchedule.Booking("a1", "Go night", START.minusSeconds(3600), START)).bookings())
                .as("an activity's own booking moves").hasSize(2);
        assertThat(two.release("a1").book(new VenueSchedule.Booking("a3", "Talk", START, START.plusSeconds(60))).bookings())
                .hasSize(2);
    }
}
