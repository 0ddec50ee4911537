package org.federation.platform.observability;

import java.util.List;

import org.federation.platform.domain.DomainEvent;
import org.federation.platform.messaging.AggregateStore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The business counters a federation officer charts, for free from the one way events are made:
 * {@code federation.events.recorded{type=<ce_type>}} counts each fact once, when the write that
 * stored it succeeded (clubs established, notices posted, acknowledged and escalated, budgets
 * decided, ...). A retried write counts once; the relay's resends do not count.
 */
public final class RecordedEventCounters implements AggregateStore.RecordedEvents {

    private final MeterRegistry registry;

    public RecordedEventCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void stored(String collection, List<DomainEvent> events) {
        for (DomainEvent event : events) {
            Counter.builder("federation.events.recorded").description("facts recorded (events stored with their change)")
                    .tag("type", event.type()).register(registry).increment();
        }
    }
}
