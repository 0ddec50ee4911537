package org.federation.notification.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.federation.notification.directory.domain.KnownClub;
import org.junit.jupiter.api.Test;

/** Who receives a routed event, which clubs it still waits for, and who is subscribed to a kind. */
class RoutingRulesTest {

    static final KnownClub CHESS = new KnownClub("chess", "Chess", "sports", "active", List.of("1"), List.of("2", "3"),
            null, null, 1L);
    static final KnownClub CHOIR = new KnownClub("choir", "Choir", "arts-culture", "active", List.of("4"), List.of("5"),
            null, null, 1L);

    @Test
    void theLeadersOfTheClubsItNamesHearOfItUnlessTheyOptedOutAndSubscribersAlways() {
        Routed routed = new Routed("e-1", "club-suspended", "Club suspended", "…", "club:chess", List.of("chess"), List.of());
        assertThat(routed.recipients(Set.of("department:organization"), List.of(CHESS), Set::of))
                .containsExactlyInAnyOrder("department:organization", "person:1");
        assertThat(routed.recipients(Set.of(), List.of(CHESS), () -> Set.of("person:1"))).isEmpty();
    }

    @Test
    void anActivityReachesTheMembersTooAndThePeopleAndDepartmentsItConcernsOnce() {
        Routed routed = new Routed("e-2", "activity-changed", "Changed", "…", "activity:a", List.of("chess"), List.of("3", "9"),
                false, Routed.ClubReach.MEMBERS, List.of("publicity"));
        assertThat(routed.recipients(Set.of("department:publicity"), List.of(CHESS), () -> Set.of("person:2")))
                .containsExactlyInAnyOrder("department:publicity", "person:1", "person:3", "person:9");
    }

    @Test
    void anEventAboutAllClubsReachesEveryLeaderAndAsksForOptOutsOnlyWhenAClubIsReached() {
        Routed all = new Routed("e-3", "registration-opened", "Opened", "…", "registration:2026", List.of(), List.of(), true);
        assertThat(all.recipients(Set.of(), List.of(CHESS, CHOIR), Set::of)).containsExactlyInAnyOrder("person:1", "person:4");
        AtomicInteger asked = new AtomicInteger();
        Routed none = new Routed("e-4", "budget-decided", "Decided", "…", "budget:b", List.of(), List.of("7"));
        none.recipients(Set.of(), List.of(), () -> {
            asked.incrementAndGet();
            return Set.of();
        });
        assertThat(asked).as("no club reached, no lookup").hasValue(0);
    }

    @Test
    void onlyTheNamedClubsTheDirectoryDoesNotKnowAreMissing() {
        Routed routed = new Routed("e-5", "club-merged", "Merged", "…", "club:chess", List.of("chess", "choir", "chess"), List.of());
        assertThat(routed.missingClubs(List.of("chess"))).containsExactly("choir");
        assertThat(new Routed("e-6", "registration-opened", "", "", "", List.of("x"), List.of(), true).missingClubs(List.of()))
                .as("about all clubs").isEmpty();
    }

    @Test
    void aDepartmentThatNeverChoseHasItsDefaultsAndOneThatChoseHasOnlyItsChoice() {
        Subscription person = new Subscription("person:1", List.of("budget-decided"), true, java.time.Instant.EPOCH, "1");
        assertThat(Subscription.subscribersOf("budget-decided", List.of(person)))
                .containsExactlyInAnyOrder("department:finance", "person:1");
        Subscription financeChose = new Subscription("department:finance", List.of("statement-published"), true,
                java.time.Instant.EPOCH, "head");
        assertThat(Subscription.subscribersOf("budget-decided", List.of(financeChose))).isEmpty();
        assertThat(Subscription.subscribersOf("statement-published", List.of(financeChose)))
                .containsExactlyInAnyOrder("department:finance", "department:publicity");
    }
}
