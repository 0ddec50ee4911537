package org.federation.club.registry.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.federation.club.registry.domain.ClubState;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code federation.clubs{state}}: how many clubs are in each state, counted in the store, not kept in
 * memory, so every instance reports the same federation-wide figures whoever changed a club (chart
 * them with {@code max}, not {@code sum}, across instances). A scrape reads the counts at most once
 * per {@link #FRESH_FOR} (one count per state, a few hundred clubs), so frequent scrapes cost nothing more.
 */
@Component
class ClubStateGauges {

    /** How long one reading of the counts serves the scrapes. */
    static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private final MongoTemplate mongo;
    private final Clock clock;
    private Map<ClubState, Long> counts = Map.of();
    private Instant readAt = Instant.MIN;

    ClubStateGauges(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        for (ClubState state : ClubState.values()) {
            Gauge.builder("federation.clubs", this, gauges -> gauges.count(state))
                    .description("clubs in each state, federation-wide (from the store)")
                    .tag("state", state.value()).strongReference(true).register(meters);
        }
    }

    synchronized double count(ClubState state) {
        Instant now = clock.instant();
        if (!now.isBefore(readAt.plus(FRESH_FOR)) || now.isBefore(readAt)) {
            Map<ClubState, Long> fresh = new EnumMap<>(ClubState.class);
            for (ClubState each : ClubState.values()) {
                fresh.put(each, mongo.count(query(where("state").is(each.name())), MongoClubs.COLLECTION));
            }
            counts = fresh;
            readAt = now;
        }
        return counts.getOrDefault(state, 0L);
    }
}
