package org.federation.platform.messaging.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.messaging.MessagingAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Consumers that recover: the error handling of every binding ({@link ConsumerErrorHandling}),
 * the {@code consumers} health (waiting partitions, dead-letter depth), the
 * {@code federation.consumer.dead-letters} gauge and the {@code deadletters} operator endpoint.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@org.springframework.boot.context.properties.EnableConfigurationProperties(ReadModelProperties.class)
public class ConsumerRecoveryAutoConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsumerRecoveryAutoConfiguration.class);

    /** The read-model rebuild over the group's own handlers (see {@link ReadModelRebuild}). */
    @Bean
    ReadModelRebuild readModelRebuild(KafkaProperties kafka,
                                      @Value("${spring.application.name}") String group, BindingServiceProperties bindings,
                                      ApplicationContext context, MongoTemplate mongo, Clock clock,
                                      ReadModelProperties properties) {
        List<String> topics = properties.topics().isEmpty() ? consumedInGroup(bindings, group) : properties.topics();
        return new ReadModelRebuild(kafka.buildConsumerProperties(), group, topics, properties.collections(),
                topic -> handlerOf(topic, group, bindings, context), mongo, clock, properties.lease());
    }

    @Bean
    ReadModelsEndpoint readModelsEndpoint(ReadModelRebuild rebuild) {
        return new ReadModelsEndpoint(rebuild);
    }

    /**
     * At start, once every bean exists and the topics are set up, before the bindings start: if
     * every read-model collection is empty, the instance holding the lease replays the owner
     * topics into them; the normal consumers then carry on from their group's offsets. A failed
     * rebuild does not stop the service (its consumers still fill what they receive); it is logged
     * and may be run again with {@code POST /actuator/readmodels}.
     */
    @Bean
    org.springframework.beans.factory.SmartInitializingSingleton readModelRebuildOnStart(ReadModelRebuild rebuild,
                                                                                       ReadModelProperties properties) {
        return () -> {
            if (!properties.rebuildOnStart() || rebuild.collections().isEmpty()) {
                return;
            }
            try {
                ReadModelRebuild.Outcome outcome = rebuild.rebuildIfEmpty();
                log.info("Read models at start: {} {}", outcome.outcome(), outcome.records());
            } catch (RuntimeException e) {
                log.error("Read-model rebuild at start failed (POST /actuator/readmodels runs it again): {}", e.getMessage(), e);
            }
        };
    }

    @Bean
    WaitingConsumers waitingConsumers(Clock clock) {
        return new WaitingConsumers(clock);
    }

    @Bean
    ConsumerErrorHandling consumerErrorHandling(KafkaProperties kafka,
                                                @Value("${spring.application.name}") String group,
                                                @Value("${federation.messaging.consumer-retry-max-interval:10s}") Duration maxInterval,
                                                WaitingConsumers waiting, BindingServiceProperties bindings,
                                                org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        // not a bean: a ProducerFactory bean would replace Boot's own and leave its KafkaTemplate without one
        // spring.kafka.* (TLS, SASL) and then the dead-letter producer's own guarantees
        Map<String, Object> producerConfig = new java.util.HashMap<>(kafka.buildProducerProperties());
        producerConfig.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        producerConfig.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, group + "-dead-letters");
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducers = new DefaultKafkaProducerFactory<>(producerConfig,
                new ByteArraySerializer(), new ByteArraySerializer());
        ConsumerErrorHandling handling = new ConsumerErrorHandling(new KafkaTemplate<>(deadLetterProducers),
                deadLetterProducers::destroy, group, maxInterval, waiting);
        meters.ifAvailable(registry -> {
            handling.setMeterRegistry(registry);
            consumedInGroup(bindings, group).forEach(handling::prepareDeadLetterCounter);
        });
        return handling;
    }

    @Bean
    DeadLetters deadLetters(KafkaProperties kafka, org.federation.platform.persistence.MongoIndexes indexes,
                            @Value("${spring.application.name}") String group, BindingServiceProperties bindings,
                            ApplicationContext context, MongoTemplate mongo, IdempotentWrites writes, Clock clock) {
        // the re-drive record is looked up by dead-letter topic
        indexes.ensure(DeadLetters.REDRIVES, "deadLetterTopic");
        return new DeadLetters(kafka.buildConsumerProperties(), group, topic -> handlerOf(topic, group, bindings, context), mongo, writes, clock);
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters, BindingServiceProperties bindings,
                                            @Value("${spring.application.name}") String group) {
        return new DeadLettersEndpoint(deadLetters, consumedInGroup(bindings, group));
    }

    @Bean
    ConsumerHealthIndicator consumersHealthIndicator(WaitingConsumers waiting, DeadLetters deadLetters,
                                                     BindingServiceProperties bindings,
                                                     @Value("${spring.application.name}") String group) {
        return new ConsumerHealthIndicator(waiting, () -> depths(deadLetters, consumedInGroup(bindings, group)));
    }

    /** {@code federation.consumer.dead-letters{topic=<dlq>}}: dead letters not re-driven yet. */
    @Bean
    MeterBinder deadLetterDepth(DeadLetters deadLetters, BindingServiceProperties bindings,
                                @Value("${spring.application.name}") String group) {
        return registry -> consumedInGroup(bindings, group).forEach(topic -> Gauge
                .builder("federation.consumer.dead-letters", deadLetters, d -> safeDepth(d, topic))
                .description("records in the group's dead-letter topic not re-driven yet")
                .tag("topic", deadLetters.deadLetterTopic(topic))
                .register(registry));
    }

    private static Map<String, Object> depths(DeadLetters deadLetters, List<String> topics) {
        Map<String, Object> depths = new TreeMap<>();
        topics.forEach(t -> {
            double depth = safeDepth(deadLetters, t);
            depths.put(deadLetters.deadLetterTopic(t), Double.isNaN(depth) ? "unknown" : (long) depth);
        });
        return depths;
    }

    private static double safeDepth(DeadLetters deadLetters, String topic) {
        try {
            return deadLetters.depth(topic);
        } catch (RuntimeException e) {
            return Double.NaN; // Kafka unreachable: the kafka health says so
        }
    }

    /** The topics this service consumes in its own group (bindings {@code <function>-in-<n>}). */
    static List<String> consumedInGroup(BindingServiceProperties bindings, String group) {
        List<String> topics = new ArrayList<>();
        bindings.getBindings().forEach((name, binding) -> {
            if (name.contains("-in-") && group.equals(binding.getGroup()) && binding.getDestination() != null) {
                for (String destination : binding.getDestination().split(",")) {
                    if (!topics.contains(destination.trim())) {
                        topics.add(destination.trim());
                    }
                }
            }
        });
        return topics;
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Message<byte[]>> handlerOf(String topic, String group, BindingServiceProperties bindings,
                                                      ApplicationContext context) {
        for (var entry : bindings.getBindings().entrySet()) {
            var binding = entry.getValue();
            if (entry.getKey().contains("-in-") && group.equals(binding.getGroup()) && binding.getDestination() != null
                    && List.of(binding.getDestination().split("\\s*,\\s*")).contains(topic)) {
                String function = entry.getKey().substring(0, entry.getKey().indexOf("-in-"));
                return (Consumer<Message<byte[]>>) context.getBean(function);
            }
        }
        return null;
    }
}
