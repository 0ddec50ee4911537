package org.federation.notification.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The fixed rate window a request counts in, and the follow-up token of anonymous feedback. */
class FeedbackRulesTest {

    @Test
    void requestsInOneHourCountInOneWindowAndTheNextHourStartsAnother() {
        Duration hour = Duration.ofHours(1);
        RateWindow at1001 = RateWindow.of("address:10.0.0.1", hour, Instant.parse("2026-12-01T10:01:00Z"));
        RateWindow at1059 = RateWindow.of("address:10.0.0.1", hour, Instant.parse("2026-12-01T10:59:59.999Z"));
        RateWindow at1100 = RateWindow.of("address:10.0.0.1", hour, Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(at1059).isEqualTo(at1001);
        assertThat(at1001.startsAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(at1001.expiresAt()).isEqualTo(Instant.parse("2026-12-01T11:00:00Z"));
        assertThat(at1100.id()).isNotEqualTo(at1001.id()).startsWith("address:10.0.0.1@");
        assertThat(RateWindow.of("sender:2023020001", hour, Instant.parse("2026-12-01T10:01:00Z")).id())
                .as("each key counts on its own").isNotEqualTo(at1001.id());
        assertThatThrownBy(() -> RateWindow.of("k", Duration.ZERO, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheTokenGivenAtSendingFollowsAnonymousFeedback() {
        String token = FollowUpToken.newToken();
        Feedback anonymous = Feedback.receive("f-1", "complaint", "office", "Noise", "Too loud", null,
                FollowUpToken.hash(token), Instant.parse("2026-12-01T10:00:00Z")).state();
        assertThat(anonymous.followUpTokenHash()).isNotEqualTo(token).hasSize(64);
        assertThat(FollowUpToken.matches(anonymous, token)).isTrue();
        assertThat(FollowUpToken.matches(anonymous, FollowUpToken.newToken())).isFalse();
        assertThat(FollowUpToken.matches(anonymous, null)).isFalse();
        Feedback signedIn = Feedback.receive("f-2", "suggestion", "office", "Chairs", "More chairs", "2023020001", null,
                Instant.parse("2026-12-01T10:00:00Z")).state();
        assertThat(FollowUpToken.matches(signedIn, token)).as("signed-in feedback has no token").isFalse();
    }
}
