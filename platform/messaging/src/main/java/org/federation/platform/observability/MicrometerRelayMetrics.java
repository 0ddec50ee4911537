package org.federation.platform.observability;

import java.time.Duration;

import org.federation.platform.messaging.OutboxRelayMetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The relay's work as Micrometer meters: {@code federation.outbox.relay.sent} and
 * {@code federation.outbox.relay.failures} per topic, {@code federation.outbox.relay.latency} (send
 * to broker acknowledgement; an event of a wave is measured when the relay saw its acknowledgement,
 * so at most the real time), {@code federation.outbox.sweeps} and
 * {@code federation.outbox.sweep.repairs} (events a sweep found left behind and sent).
 */
public final class MicrometerRelayMetrics implements OutboxRelayMetrics {

    private final MeterRegistry registry;
    private final Counter sweeps;
    private final Counter repairs;

    public MicrometerRelayMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sweeps = Counter.builder("federation.outbox.sweeps").description("outbox sweeps run").register(registry);
        this.repairs = Counter.builder("federation.outbox.sweep.repairs")
                .description("events a sweep found left behind (failed send, crashed instance) and sent")
                .register(registry);
    }

    @Override
    public void sent(String topic, Duration latency) {
        Counter.builder("federation.outbox.relay.sent").description("events the broker acknowledged")
                .tag("topic", topic).register(registry).increment();
        Timer.builder("federation.outbox.relay.latency").description("from an event's send to the broker's acknowledgement")
                .tag("topic", topic).publishPercentileHistogram(false).register(registry).record(latency);
    }

    @Override
    public void failed(String topic) {
        Counter.builder("federation.outbox.relay.failures").description("events not sent or not acknowledged (stay pending)")
                .tag("topic", topic).register(registry).increment();
    }

    @Override
    public void swept(int sent) {
        sweeps.increment();
        repairs.increment(sent);
    }

    /** Registers the per-topic meters at zero, so a scrape shows them before the first event. */
    public void prepare(String topic) {
        Counter.builder("federation.outbox.relay.sent").description("events the broker acknowledged")
                .tag("topic", topic).register(registry);
        Counter.builder("federation.outbox.relay.failures").description("events not sent or not acknowledged (stay pending)")
                .tag("topic", topic).register(registry);
        Timer.builder("federation.outbox.relay.latency").description("from an event's send to the broker's acknowledgement")
                .tag("topic", topic).register(registry);
    }
}
