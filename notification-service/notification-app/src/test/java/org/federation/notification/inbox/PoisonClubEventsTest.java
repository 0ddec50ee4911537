package org.federation.notification.inbox;

import org.federation.notification.inbox.application.Inboxes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.club.contracts.testing.ClubFacts;
import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.NotificationServiceTest;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A club event notification-service cannot read or must not trust goes to its dead-letter topic; the next one is applied. */
@NotificationServiceTest
class PoisonClubEventsTest extends EmbeddedBackboneProperties {

    @Autowired
    Inboxes inboxes;

    private boolean noticed(String clubId) {
        return inboxes.newestFirst("department:organization", 0, 100).items().stream()
                .anyMatch(n -> ("club:" + clubId).equals(n.subjectRef()));
    }

    @Test
    void unreadableAndInvalidEventsGoToTheDeadLetterTopicAndTheNextIsApplied() {
        String garbage = "garbage-" + UUID.randomUUID();
        String invalid = "invalid-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        ClubFacts.publishGarbage(garbage, "not an event");
        ClubFacts.publish(ClubFacts.withoutNameOrState(invalid), ClubFacts.established(good, "After poison", "2099000001", List.of()));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> noticed(good));
        try (TopicProbe dlq = new TopicProbe(EmbeddedBackbone.get().kafkaBootstrapServers(), "club.events.notification-service.dlq")) {
            assertThat(dlq.await(s -> garbage.equals(s.key()), Duration.ofSeconds(20)).get(0).headers()
                    .get("x-exception-message")).contains("ce_id");
            assertThat(dlq.await(s -> invalid.equals(s.key()), Duration.ofSeconds(20)).get(0).headers()
                    .get("x-exception-message")).contains("club.name and club.state are required");
        }
        assertThat(noticed(invalid)).isFalse();
    }
}
