package org.federation.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When a failed delivery is tried again and when it is given up. */
class RetryPolicyTest {

    static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant ENDED = STARTED.plusSeconds(2);
    final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(1), 4);

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoffAfter(60)).as("no overflow however many attempts").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aFailedAttemptBeforeTheLastIsTriedAgainCountingFromItsStart() {
        RetryPolicy.Outcome outcome = policy.after(2, RetryPolicy.Result.FAILED, "ConnectException: refused", STARTED, ENDED);
        assertThat(outcome.status()).isEqualTo(Delivery.PENDING);
        assertThat(outcome.nextAttemptAt()).isEqualTo(STARTED.plusSeconds(20));
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.givenUp()).isFalse();
        assertThat(outcome.attempt()).isEqualTo(new Delivery.Attempt(2, ENDED, "error", "ConnectException: refused"));
    }

    @Test
    void theLastFailedAttemptGivesUpAndSaysWhy() {
        RetryPolicy.Outcome outcome = policy.after(4, RetryPolicy.Result.FAILED, "the webhook answered HTTP 503", STARTED, ENDED);
        assertThat(outcome.status()).isEqualTo(Delivery.FAILED);
        assertThat(outcome.givenUp()).isTrue();
        assertThat(outcome.nextAttemptAt()).isNull();
        assertThat(outcome.failure()).isEqualTo("gave up after 4 attempts: the webhook answered HTTP 503");
    }

    @Test
    void aRefusalIsGivenUpAtOnceWithoutRetries() {
        RetryPolicy.Outcome outcome = policy.after(1, RetryPolicy.Result.REFUSED, "550 no such mailbox", STARTED, ENDED);
        assertThat(outcome.status()).isEqualTo(Delivery.FAILED);
        assertThat(outcome.failure()).isEqualTo("refused, not retried: 550 no such mailbox");
    }

    @Test
    void aDeliveredAttemptEndsIt() {
        RetryPolicy.Outcome outcome = policy.after(3, RetryPolicy.Result.DELIVERED, "accepted", STARTED, ENDED);
        assertThat(outcome.status()).isEqualTo(Delivery.DELIVERED);
        assertThat(outcome.nextAttemptAt()).isNull();
        assertThat(outcome.failure()).isNull();
        assertThat(outcome.attempt().outcome()).isEqualTo(Delivery.DELIVERED);
    }

    @Test
    void aPolicyWithoutAnyAttemptIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
