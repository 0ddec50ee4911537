package org.federation.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Where a notice goes beyond the inbox, and what it says there. */
class ContactPreferencesTest {

    @Test
    void eMailGoesOnlyWhenOnWithAnAddressAndAServerAndEveryWebhookAlways() {
        ContactPreferences both = new ContactPreferences("person:1", "a@stu.example.edu", true,
                List.of("https://hooks.example.com/a", "https://hooks.example.com/b"), null, null);
        assertThat(both.targets(true)).containsExactly(new ContactPreferences.Target("email", "a@stu.example.edu"),
                new ContactPreferences.Target("webhook", "https://hooks.example.com/a"),
                new ContactPreferences.Target("webhook", "https://hooks.example.com/b"));
        assertThat(both.targets(false)).as("no SMTP server configured").extracting(ContactPreferences.Target::channel)
                .containsOnly("webhook");
        ContactPreferences off = new ContactPreferences("person:1", "a@stu.example.edu", false, null, null, null);
        assertThat(off.targets(true)).isEmpty();
        ContactPreferences noAddress = new ContactPreferences("department:finance", null, true, List.of(), null, null);
        assertThat(noAddress.targets(true)).isEmpty();
    }

    @Test
    void untilChangedAPersonsEMailIsTheirTokensAndOnIfTheyHaveOne() {
        assertThat(ContactPreferences.defaults("person:1", "a@stu.example.edu"))
                .isEqualTo(new ContactPreferences("person:1", "a@stu.example.edu", true, List.of(), null, null));
        assertThat(ContactPreferences.defaults("department:office", null).emailEnabled()).isFalse();
    }

    @Test
    void theTextAsksForAnAcknowledgementOnlyWhenOneIsDue() {
        assertThat(Delivery.subjectOf("Club exchange conference")).isEqualTo("[Federation] Club exchange conference");
        assertThat(Delivery.textOf("Friday at 19:00.", null)).isEqualTo("Friday at 19:00.");
        assertThat(Delivery.textOf("Friday at 19:00.", Instant.parse("2026-12-04T12:00:00Z"))).isEqualTo(
                "Friday at 19:00.\n\nPlease acknowledge it in the federation portal by 2026-12-04 20:00 (Beijing time).");
    }
}
