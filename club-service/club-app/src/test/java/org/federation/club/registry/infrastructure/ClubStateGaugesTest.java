package org.federation.club.registry.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.federation.club.ClubServiceTest;
import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.lifecycle.ClubLifecycleTest;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Scrape;
import org.federation.platform.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Issue 21: {@code federation.clubs{state}} counts clubs per state in the store, so two instances
 * report the same federation-wide figure, and reads the store at most once per {@link ClubStateGauges#FRESH_FOR}.
 */
@ClubServiceTest
class ClubStateGaugesTest extends EmbeddedBackboneProperties {

    @LocalManagementPort
    int managementPort;

    @Test
    void twoInstancesCountTheSameClubsFromTheStoreAtMostOncePerInterval() {
        TestClock clock = new TestClock();
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        new ClubStateGauges(mongo, clock, first);
        new ClubStateGauges(mongo, clock, second);
        // the total over the states: a sweep may move a club between states meanwhile, but never removes one
        double clubs = total(first);
        assertThat(total(second)).isEqualTo(clubs);

        ClubLifecycleTest.newClub(app(), "计数社");
        assertThat(total(first)).as("read again only after the interval").isEqualTo(clubs);
        clock.advance(ClubStateGauges.FRESH_FOR);
        assertThat(total(first)).isEqualTo(clubs + 1);
        assertThat(total(second)).as("the other instance did not create it, and counts it too").isEqualTo(clubs + 1);
        assertThat(first.get("federation.clubs").gauges()).as("one gauge per state").hasSize(6);
    }

    private static double total(SimpleMeterRegistry registry) {
        return registry.get("federation.clubs").gauges().stream().mapToDouble(g -> g.value()).sum();
    }

    @Test
    void theScrapeHasClubsByState() {
        Scrape scrape = Scrape.of(HttpProbe.onPort(managementPort));
        assertThat(scrape.names()).contains("federation_clubs");
        assertThat(scrape.sum("federation_clubs", "state=\"dissolved\"")).isGreaterThanOrEqualTo(0);
        assertThat(Duration.ofSeconds(15)).isEqualTo(ClubStateGauges.FRESH_FOR);
    }
}
