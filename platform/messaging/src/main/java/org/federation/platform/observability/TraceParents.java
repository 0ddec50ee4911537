package org.federation.platform.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.federation.platform.messaging.EventEnvelope;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C {@code traceparent} of what is being handled right now (an HTTP request, a consumed
 * event), written by the tracer's own propagator, so an event stored now carries the trace of its
 * cause through the outbox to Kafka.
 */
public final class TraceParents implements Supplier<String> {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceParents(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's {@code traceparent}, or null if nothing is traced. */
    @Override
    public String get() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(context, carrier, Map::put);
        return carrier.get(EventEnvelope.TRACEPARENT);
    }
}
