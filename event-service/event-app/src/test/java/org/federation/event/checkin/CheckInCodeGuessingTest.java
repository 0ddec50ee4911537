package org.federation.event.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.federation.event.EmbeddedBackboneProperties;
import org.federation.event.EventServiceTest;
import org.federation.event.checkin.domain.CodeAttemptLimit;
import org.federation.event.checkin.domain.CodeAttempts;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.platform.problem.TooManyRequestsException;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 23, point 3: a person could try check-in codes without limit (a six-digit code falls to a
 * script within the activity). Now a few wrong codes per person and activity within a window
 * (defaults: 5 in 15 minutes), then 429 with {@code Retry-After}, and the right code is refused
 * during the lock. Before, all 20 wrong codes answered 422 and the right one 201.
 */
@EventServiceTest
class CheckInCodeGuessingTest extends EmbeddedBackboneProperties {

    @Autowired
    ClubDirectory directory;
    @Autowired
    CodeAttempts attempts;
    @Autowired
    CodeAttemptLimit limit;

    @Test
    void twentyWrongCodesAreCutOffAfterTheLimitAndTheRightCodeIsRefusedDuringTheLock() {
        String activity = CheckInTest.clubAndActivity(app(), directory, CheckInTest.DAY.incrementAndGet())[1];
        String base = "/api/activities/" + activity;
        String right = Persona.LEADER.on(app()).get(base + "/check-in-code").json().get("code").asString();
        String wrong = right.equals("000000") ? "000001" : "000000";
        HttpProbe guesser = Persona.STUDENT.on(app());

        List<Integer> statuses = new ArrayList<>();
        HttpProbe.Response last = null;
        for (int i = 0; i < 20; i++) {
            last = guesser.postJson(base + "/check-ins/code", "{\"code\":\"" + wrong + "\"}");
            statuses.add(last.status());
        }
        assertThat(statuses.subList(0, limit.attempts())).as("wrong codes within the allowance").containsOnly(422);
        assertThat(statuses.subList(limit.attempts(), 20)).as("beyond it").containsOnly(429);
        assertThat(last.contentType()).contains("application/problem+json");
        assertThat(last.json().get("type").asString()).isEqualTo("urn:federation:problem:too-many-requests");
        long retryAfter = Long.parseLong(last.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, limit.window().toSeconds());

        HttpProbe.Response rightDuringLock = guesser.postJson(base + "/check-ins/code", "{\"code\":\"" + right + "\"}");
        assertThat(rightDuringLock.status()).as(rightDuringLock.body()).isEqualTo(429);
        assertThat(Persona.LEADER.on(app()).get(base + "/attendance").json().get("attendance").asLong())
                .as("nobody checked in during the lock").isZero();

        HttpProbe.Response someoneElse = Persona.MEMBER.on(app()).postJson(base + "/check-ins/code", "{\"code\":\"" + right + "\"}");
        assertThat(someoneElse.status()).as("the limit is per person: " + someoneElse.body()).isEqualTo(201);
    }

    @Test
    void rightCodesDoNotUseTheAllowanceAndTheCountStartsAgainAfterTheWindowByTheClock() {
        String activity = "activity-" + UUID.randomUUID();
        String person = "2097" + UUID.randomUUID().toString().substring(0, 6);
        Instant start = Instant.parse("2027-03-01T10:00:00Z");
        for (int i = 1; i <= limit.attempts(); i++) {
            CodeAttempts.Counted counted = attempts.count(activity, person, limit, start.plusSeconds(i));
            assertThat(counted.attempt()).isEqualTo(i);
            assertThat(counted.windowStart()).isEqualTo(start.plusSeconds(1));
        }
        attempts.giveBack(activity, person);
        CodeAttempts.Counted given = attempts.count(activity, person, limit, start.plusSeconds(30));
        assertThat(given.attempt()).as("a right code gave its attempt back").isEqualTo(limit.attempts());
        limit.requireAllowed(activity, given.attempt(), given.windowStart(), start.plusSeconds(30));

        Instant locked = start.plusSeconds(40);
        CodeAttempts.Counted over = attempts.count(activity, person, limit, locked);
        assertThatThrownBy(() -> limit.requireAllowed(activity, over.attempt(), over.windowStart(), locked))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.between(locked, start.plusSeconds(1).plus(limit.window()))));

        Instant afterWindow = start.plusSeconds(1).plus(limit.window());
        CodeAttempts.Counted fresh = attempts.count(activity, person, limit, afterWindow);
        assertThat(fresh.attempt()).as("a new window").isEqualTo(1);
        assertThat(fresh.windowStart()).isEqualTo(afterWindow);
        assertThat(attempts.count(activity, person, limit, afterWindow.plusSeconds(1)).attempt()).isEqualTo(2);
    }
}
