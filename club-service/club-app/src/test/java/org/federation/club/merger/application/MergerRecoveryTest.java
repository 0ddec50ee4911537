package org.federation.club.merger.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.club.merger.domain.Merger;
import org.federation.club.merger.domain.Mergers;
import org.federation.club.registry.application.ClubRules;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two instances recovering the same interrupted merger at once end with one consistent merger. */
@ClubServiceTest
class MergerRecoveryTest extends EmbeddedBackboneProperties {

    @Autowired
    ClubMergers recoverer;
    @Autowired
    Mergers mergers;
    @Autowired
    Clubs clubs;
    @Autowired
    org.federation.platform.domain.BusinessClock clock;
    @Autowired
    ClubRules rules;

    @Test
    void twoRecoverersOfAMergerIntoANewClubLeaveItCompletedNotBlocked() {
        String first = ClubLifecycleTest.newClub(app(), "围棋社");
        String second = ClubLifecycleTest.newClub(app(), "象棋社");
        // decided over a minute ago; the instance that decided it died before moving any club
        Merger interrupted = Merger.decide(UUID.randomUUID().toString(), List.of(first, second), null,
                new Merger.NewSuccessor("棋类联合会 " + UUID.randomUUID().toString().substring(0, 6), "sports",
                        "chess@example.edu", Persona.MEMBER.subject()),
                "one board-game club", Persona.ORGANIZATION_HEAD.subject(), clock.instant().minus(Duration.ofMinutes(2)));
        mergers.add(interrupted);

        // the second instance looks for the successor just before the first instance recovers the whole merger
        AtomicBoolean otherRan = new AtomicBoolean();
        Clubs racing = (Clubs) Proxy.newProxyInstance(Clubs.class.getClassLoader(), new Class<?>[] {Clubs.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("find") && interrupted.successorId().equals(args[0])
                            && otherRan.compareAndSet(false, true)) {
                        recoverer.recover();
                        return Optional.empty(); // what it read before the other instance founded the successor
                    }
                    try {
                        return method.invoke(clubs, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        Throwable failed = catchThrowable(() -> new ClubMergers(mergers, racing, clock, rules, name -> java.util.Optional.empty()).recover());

        Merger after = mergers.find(interrupted.id()).orElseThrow();
        assertThat(after.blockedReason()).as("a late recoverer must not block a completed merger").isNull();
        assertThat(after.completed()).isTrue();
        assertThat(failed).isNull();
        assertThat(clubs.find(first).orElseThrow().state()).isEqualTo(ClubState.MERGED);
        assertThat(clubs.find(second).orElseThrow().state()).isEqualTo(ClubState.MERGED);
        assertThat(clubs.find(interrupted.successorId())).isPresent();
    }
}
