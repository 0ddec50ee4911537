package org.federation.event.clubs;

import org.federation.event.clubs.domain.ClubDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.federation.event.EventServiceTest;
import org.federation.platform.testing.ContainerBackbone;
import org.federation.platform.testing.RawEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The club directory against real Kafka and MongoDB, where Docker exists; skipped elsewhere. */
@Testcontainers(disabledWithoutDocker = true)
@EventServiceTest
class ClubDirectoryOnRealBackboneTest {

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        ContainerBackbone.register(registry, "event");
    }

    @Autowired
    ClubDirectory directory;

    @Test
    void keepsTheNewestSnapshotAndSurvivesDuplicates() {
        String id = UUID.randomUUID().toString();
        try (RawEvents raw = new RawEvents(ContainerBackbone.get().kafkaBootstrapServers())) {
            var first = ClubDirectoryTest.event(id, 1, ClubDirectoryTest.established(id, "First", "active"));
            raw.send("club.events", first);
            raw.send("club.events", first);
            raw.send("club.events", ClubDirectoryTest.event(id, 2, ClubDirectoryTest.established(id, "Second", "active")));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                directory.find(id).map(c -> c.name().equals("Second")).orElse(false));
        assertThat(directory.find(id).orElseThrow().sequence()).isEqualTo(2);
    }
}
