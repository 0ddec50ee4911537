package org.federation.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.util.function.Supplier;

import org.federation.platform.domain.BusinessClock;
import org.federation.platform.observability.MicrometerRelayMetrics;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.observability.RecordedEventCounters;
import org.federation.platform.observability.TraceParents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.utils.DlqDestinationResolver;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the messaging kit into a service: the relay's idempotent producer, the aggregate store,
 * the relay, topic creation, dead-letter routing and the consumer helpers.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
// KafkaProperties too: Boot's Kafka auto-configuration registers it as well, but the kit must not depend on its order
@EnableConfigurationProperties({MessagingProperties.class, KafkaProperties.class})
public class MessagingAutoConfiguration {

    /**
     * The real time: leases (relay, consumers, idempotency keys), retries, rate limits and token expiry. Primary,
     * so a {@code Clock} asked for is this one and never the {@link BusinessClock} (also a {@code Clock}).
     */
    @Bean
    @Primary
    @ConditionalOnMissingBean(value = Clock.class, ignored = BusinessClock.class)
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Business time, which domain deadlines read: the real time, moved forward only where the local platform
     * (the {@code local} profile) starts it ahead ({@code federation.business-clock.offset}) or an operator
     * moves it ({@code /actuator/businessclock}, local only). Any other profile refuses a start offset.
     */
    @Bean
    @ConditionalOnMissingBean
    BusinessClock businessClock(Clock clock, Environment environment) {
        Duration offset = environment.getProperty(BUSINESS_CLOCK_OFFSET, Duration.class, Duration.ZERO);
        if (!offset.isZero() && !environment.matchesProfiles("local")) {
            throw new IllegalStateException(BUSINESS_CLOCK_OFFSET + " moves business time; it is for the local "
                    + "platform only (profile 'local'), never production");
        }
        return new BusinessClock(clock, offset);
    }

    /** Where the local platform starts business time (a restart keeps the time it was moved to). */
    public static final String BUSINESS_CLOCK_OFFSET = "federation.business-clock.offset";

    /** The relay's producer: idempotent and {@code acks=all}, so a resend never duplicates within a session. */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> outboxProducer(KafkaProperties kafka, @Value("${spring.application.name}") String service) {
        return new KafkaProducer<>(relayProducerConfig(kafka, service), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * The relay producer's configuration: everything {@code spring.kafka.*} says (bootstrap servers,
     * {@code security.protocol}, SSL key and trust stores, SASL mechanism and JAAS configuration,
     * {@code spring.kafka.properties.*}, {@code spring.kafka.producer.*}), then the relay's own
     * guarantees, which no setting may weaken.
     */
    static Map<String, Object> relayProducerConfig(KafkaProperties kafka, String service) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-outbox-relay");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        // a send blocks (metadata, full buffer) at most 3 s and is then settled within 12 s: 15 s, the relay's send
        // timeout, so a send started before the relay's last moment is settled before its lease runs out
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        // the relay passes its own serializers; a spring.kafka.producer.*-serializer meant for other producers
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return config;
    }

    /** The admin client's configuration (topic set-up, health): {@code spring.kafka.*} incl. {@code spring.kafka.admin.*}. */
    static Map<String, Object> adminConfig(KafkaProperties kafka) {
        return new HashMap<>(kafka.buildAdminProperties());
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, Producer<String, byte[]> outboxProducer,
                            MessagingProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters,
                            MongoIndexes indexes) {
        OutboxRelay relay = new OutboxRelay(mongo, outboxProducer, List.of(), properties.relaySettings(), clock);
        relay.useIndexes(indexes);
        meters.ifAvailable(registry -> relay.setMetrics(new MicrometerRelayMetrics(registry)));
        return relay;
    }

    /**
     * Events keep the {@code traceparent} of the request or event that caused them, when a tracer
     * runs, and each stored event counts in {@code federation.events.recorded{type}}.
     */
    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, JsonMapper json, OutboxRelay relay, Clock clock,
                                  @Value("${spring.application.name}") String service,
                                  ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
                                  ObjectProvider<MeterRegistry> meters) {
        Tracer currentTracer = tracer.getIfAvailable();
        Propagator currentPropagator = propagator.getIfAvailable();
        Supplier<String> traceparent = currentTracer != null && currentPropagator != null
                ? new TraceParents(currentTracer, currentPropagator) : () -> null;
        MeterRegistry registry = meters.getIfAvailable();
        AggregateStore.RecordedEvents recorded = registry == null ? AggregateStore.RecordedEvents.NONE
                : new RecordedEventCounters(registry);
        return new AggregateStore(mongo, json, "/" + service, relay, clock, traceparent, recorded);
    }

    /** The service's indexes: every infrastructure class declares those its queries need, created at start. */
    @Bean
    @ConditionalOnMissingBean
    MongoIndexes mongoIndexes(MongoTemplate mongo) {
        return new MongoIndexes(mongo);
    }

    @Bean
    IdempotentWrites idempotentWrites(MongoTemplate mongo) {
        return new IdempotentWrites(mongo);
    }

    @Bean
    InboundEvents inboundEvents(JsonMapper json) {
        return new InboundEvents(json);
    }

    @Bean
    FederationTopics federationTopics(KafkaProperties kafka, MessagingProperties properties) {
        return new FederationTopics(adminConfig(kafka), properties.partitions(), properties.replicationFactor(),
                properties.minInsyncReplicas(), properties.brokerWait(), properties.ownerRetention(),
                properties.deadLetterRetention(), properties.topics().create());
    }

    /**
     * Creates the topics once every singleton exists (so every repository has registered its
     * outbox topic) and before any binding starts (lifecycle beans start after this): the binder
     * never finds a topic missing and never auto-creates one.
     */
    @Bean
    SmartInitializingSingleton federationTopicSetUp(FederationTopics topics, OutboxRelay relay,
                                                    @Value("${spring.application.name}") String group,
                                                    BindingServiceProperties bindings) {
        return () -> {
            Set<String> published = new TreeSet<>();
            relay.collections().forEach(c -> published.add(c.topic()));
            Set<String> consumed = new TreeSet<>();
            bindings.getBindings().forEach((name, binding) -> {
                if (name.contains("-in-") && binding.getDestination() != null) {
                    for (String destination : binding.getDestination().split(",")) {
                        consumed.add(destination.trim());
                    }
                }
            });
            Set<String> needed = FederationTopics.needed(published, consumed, group);
            // this service sets the retention of what it publishes and of its own dead letters, not of others' topics
            Set<String> owned = new TreeSet<>(published);
            needed.stream().filter(FederationTopics::isDeadLetterOrRetry).forEach(owned::add);
            topics.ensure(needed, owned);
        };
    }

    /** Named {@code mongo}, replacing Boot's indicator, which the embedded store cannot answer. */
    @Bean
    org.federation.platform.health.MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new org.federation.platform.health.MongoPingHealthIndicator(mongo);
    }

    @Bean
    org.federation.platform.health.KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new org.federation.platform.health.KafkaHealthIndicator(adminConfig(kafka));
    }

    /** Sends a message that failed its retries to {@code <topic>.<group>.dlq}, as the contracts name it. */
    @Bean
    DlqDestinationResolver federationDeadLetterTopics(@Value("${spring.application.name}") String group) {
        return (record, exception) -> FederationTopics.deadLetterTopic(record.topic(), group);
    }
}
