package org.federation.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.federation.notification.EmbeddedBackboneProperties;
import org.federation.notification.NotificationServiceTest;
import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.RawEvents;
import org.federation.platform.testing.TopicProbe;
import org.junit.jupiter.api.Test;

/** finance.events and activity.events messages that cannot be read go to their dead-letter topics. */
@NotificationServiceTest
class PoisonFinanceAndActivityEventsTest extends EmbeddedBackboneProperties {

    @Test
    void unreadableEventsGoToTheDeadLetterTopics() {
        String garbage = "garbage-" + UUID.randomUUID();
        String notAnObject = "array-" + UUID.randomUUID();
        try (RawEvents raw = new RawEvents(EmbeddedBackbone.get().kafkaBootstrapServers())) {
            raw.sendWithoutEnvelope("finance.events", garbage, "not an event");
            raw.send("activity.events", RawEvents.envelope("org.federation.activity.published.v1", "/event-service",
                    notAnObject, 1, "\"only a string\""));
        }
        String kafka = EmbeddedBackbone.get().kafkaBootstrapServers();
        try (TopicProbe finance = new TopicProbe(kafka, "finance.events.notification-service.dlq");
             TopicProbe activity = new TopicProbe(kafka, "activity.events.notification-service.dlq")) {
            assertThat(finance.await(s -> garbage.equals(s.key()), Duration.ofSeconds(20)).get(0).headers()
                    .get("x-exception-message")).contains("ce_id");
            assertThat(activity.await(s -> notAnObject.equals(s.key()), Duration.ofSeconds(20)).get(0).headers()
                    .get("x-exception-message")).contains("event ").contains("activity.published");
        }
    }
}
