package org.federation.platform.messaging.consumer;

import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.federation.platform.messaging.FederationTopics;
import org.federation.platform.messaging.MalformedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How every binding of a service handles a message its handler failed, in place of the binder's
 * own retry (which blocks the poll loop and dead-letters whatever failed three times):
 * <ul>
 * <li>poison ({@link MalformedEventException}): straight to {@code <topic>.<group>.dlq};</li>
 * <li>transient (the service's store down or timing out, see {@link ConsumerFailures}): never
 *     dead-lettered; the container seeks back to the failed record and <em>pauses</em> (it keeps
 *     polling, so {@code max.poll.interval.ms} is never exceeded) for a growing interval up to
 *     {@code federation.messaging.consumer-retry-max-interval}, then tries the same record again,
 *     so the order per partition is kept. {@link WaitingConsumers} shows it in the health;</li>
 * <li>anything else: the binding's {@code max-attempts} and back-off, then the dead-letter topic.</li>
 * </ul>
 * Dead letters carry the binder's header names ({@code x-exception-message},
 * {@code x-exception-stacktrace}, {@code x-original-topic}, {@code -partition}, {@code -offset}).
 */
public class ConsumerErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final Runnable closeDeadLetters;
    private final String group;
    private final Duration transientMaxInterval;
    private final WaitingConsumers waiting;
    private final ThreadPoolTaskScheduler resumer = new ThreadPoolTaskScheduler();
    private final ListenerContainerPauseService pauses;
    private volatile io.micrometer.core.instrument.MeterRegistry meters;

    public ConsumerErrorHandling(KafkaOperations<byte[], byte[]> deadLetters, Runnable closeDeadLetters, String group,
                                 Duration transientMaxInterval, WaitingConsumers waiting) {
        this.deadLetters = deadLetters;
        this.closeDeadLetters = closeDeadLetters;
        this.group = group;
        this.transientMaxInterval = transientMaxInterval;
        this.waiting = waiting;
        // a scheduler of its own, not a bean: a TaskScheduler bean would become the app's @Scheduled scheduler
        resumer.setThreadNamePrefix("consumer-resume-");
        resumer.setPoolSize(1);
        resumer.initialize();
        pauses = new ListenerContainerPauseService(null, resumer);
    }

    /**
     * Where {@code federation.consumer.dead-lettered{topic=<dlq>}} (records sent to a dead-letter
     * topic) is counted; nothing is counted until set.
     */
    public void setMeterRegistry(io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
    }

    /** Registers the dead-letter counter of a consumed topic at zero, so alerts can use increase() from the start. */
    public void prepareDeadLetterCounter(String topic) {
        deadLettered(FederationTopics.deadLetterTopic(topic, group));
    }

    private io.micrometer.core.instrument.Counter deadLettered(String deadLetterTopic) {
        io.micrometer.core.instrument.MeterRegistry registry = meters;
        return registry == null ? null : io.micrometer.core.instrument.Counter.builder("federation.consumer.dead-lettered")
                .description("records this instance sent to a dead-letter topic").tag("topic", deadLetterTopic)
                .register(registry);
    }

    /** Retry and dead-lettering happen in the container's error handler, never in the binding's blocking retry. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        boolean deadLettered = group != null && (properties == null || properties.getExtension().isEnableDlq());
        ConsumerRecordRecoverer recoverer = deadLettered ? deadLetterRecoverer(group) : (record, e) ->
                log.error("Gave up on {}-{}@{} ({} has no dead-letter topic): {}", record.topic(), record.partition(),
                        record.offset(), destinationName, e.getMessage());
        BackOff usual = backOff != null ? backOff : new FixedBackOff(0, 0);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, usual, pausing());
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setBackOffFunction((record, e) ->
                ConsumerFailures.classify(e) == ConsumerFailures.Kind.TRANSIENT ? transientBackOff() : null);
        handler.setRetryListeners(new WaitingTracker(group, deadLettered));
        container.setCommonErrorHandler(handler);
        container.setRecordInterceptor(withRecovery(container.getRecordInterceptor(), group));
    }

    /** Backs off by pausing the container (it keeps polling) rather than sleeping in the poll loop. */
    private BackOffHandler pausing() {
        return new BackOffHandler() {
            @Override
            public void onNextBackOff(MessageListenerContainer container, Exception exception, long nextBackOff) {
                pauses.pause(container, Duration.ofMillis(nextBackOff));
            }
        };
    }

    /** Never gives up: from 200 ms, doubling, up to the configured interval. */
    private BackOff transientBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(Math.max(200, transientMaxInterval.toMillis()));
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    private ConsumerRecordRecoverer deadLetterRecoverer(String group) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, e) -> new TopicPartition(FederationTopics.deadLetterTopic(record.topic(), group),
                        record.partition()));
        recoverer.setHeaderNamesSupplier(() -> DeadLetterPublishingRecoverer.HeaderNames.Builder.original()
                .offsetHeader(DeadLetterHeaders.ORIGINAL_OFFSET)
                .timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type")
                .topicHeader(DeadLetterHeaders.ORIGINAL_TOPIC)
                .partitionHeader(DeadLetterHeaders.ORIGINAL_PARTITION)
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .keyExceptionFqcn("x-key-exception-fqcn")
                .exceptionFqcn(DeadLetterHeaders.EXCEPTION_FQCN)
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .exceptionMessage(DeadLetterHeaders.EXCEPTION_MESSAGE)
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .exceptionStacktrace(DeadLetterHeaders.EXCEPTION_STACKTRACE)
                .build());
        // the handler's own exception, not the container's and binder's wrappers around it
        recoverer.setExceptionHeadersCreator((headers, exception, isKey, names) -> {
            Throwable cause = ConsumerFailures.cause(exception);
            java.io.StringWriter trace = new java.io.StringWriter();
            cause.printStackTrace(new java.io.PrintWriter(trace));
            headers.add(DeadLetterHeaders.EXCEPTION_FQCN, bytes(cause.getClass().getName()));
            headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, bytes(String.valueOf(cause.getMessage())));
            headers.add(DeadLetterHeaders.EXCEPTION_STACKTRACE, bytes(trace.toString()));
        });
        return recoverer;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private RecordInterceptor withRecovery(RecordInterceptor existing, String group) {
        RecordInterceptor recovery = new RecordInterceptor() {
            @Override
            public ConsumerRecord intercept(ConsumerRecord record, Consumer consumer) {
                EventLogContext.enter(record, ConsumerErrorHandling.this.group);
                return record;
            }

            @Override
            public void success(ConsumerRecord record, Consumer consumer) {
                waiting.recovered(group, record.topic(), record.partition());
            }

            @Override
            public void afterRecord(ConsumerRecord record, Consumer consumer) {
                EventLogContext.leave();
            }
        };
        return existing == null ? recovery : new CompositeRecordInterceptor(existing, recovery);
    }

    @Override
    public void destroy() {
        resumer.shutdown();
        closeDeadLetters.run();
    }

    /** Marks a partition as waiting while its record fails for a transient reason; a success or dead letter clears it. */
    private final class WaitingTracker implements RetryListener {

        private final String bindingGroup;
        private final boolean deadLettering;

        WaitingTracker(String bindingGroup, boolean deadLettering) {
            this.bindingGroup = bindingGroup;
            this.deadLettering = deadLettering;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
            if (ConsumerFailures.classify(e) == ConsumerFailures.Kind.TRANSIENT) {
                waiting.failed(bindingGroup, record.topic(), record.partition(), record.offset(), attempt, e);
                if (attempt == 1 || attempt % 10 == 0) {
                    log.warn("{}-{}@{} waits for the store (attempt {}), not dead-lettered: {}", record.topic(),
                            record.partition(), record.offset(), attempt, e.getMessage());
                }
            } else {
                waiting.recovered(bindingGroup, record.topic(), record.partition());
            }
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception e) {
            waiting.recovered(bindingGroup, record.topic(), record.partition());
            if (!deadLettering) {
                return; // the recoverer only logged it
            }
            var counter = deadLettered(FederationTopics.deadLetterTopic(record.topic(), bindingGroup));
            if (counter != null) {
                counter.increment();
            }
            log.error("{}-{}@{} sent to the dead-letter topic of group {}: {}", record.topic(), record.partition(),
                    record.offset(), bindingGroup, e.getMessage());
        }
    }
}
