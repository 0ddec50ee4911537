package org.federation.platform.observability;

import java.time.Clock;
import java.time.Duration;

import org.federation.platform.messaging.MessagingAutoConfiguration;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.messaging.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What operators see of a service, beyond Boot's own: the outbox backlog gauges and the relay's
 * per-topic meters (registered once every repository has declared its outbox), and the public port's
 * status-only health when Actuator has a port of its own. (The caller in every request's log lines is
 * the web kit's {@code RequestLogContextAutoConfiguration}.)
 * The relay's and the store's meters and the {@code traceparent} kept with events are wired by
 * {@link MessagingAutoConfiguration}.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class, afterName = {
        "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration"})
public class ObservabilityAutoConfiguration {

    /** Gauges per outbox collection; after every singleton exists, so every repository has registered. */
    @Bean
    SmartInitializingSingleton outboxMeters(ObjectProvider<MeterRegistry> meters, OutboxRelay relay, MongoTemplate mongo,
                                            Clock clock,
                                            @Value("${federation.messaging.outbox-metrics-cache:5s}") Duration cacheFor) {
        return () -> meters.ifAvailable(registry -> {
            new OutboxMetrics(mongo, clock, cacheFor).bindTo(registry, relay.collections());
            MicrometerRelayMetrics relayMeters = new MicrometerRelayMetrics(registry);
            relay.collections().stream().map(OutboxCollection::topic).distinct().forEach(relayMeters::prepare);
        });
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    @ConditionalOnBean(HealthEndpoint.class)
    PublicHealth publicHealth(HealthEndpoint health) {
        return new PublicHealth(health);
    }
}
