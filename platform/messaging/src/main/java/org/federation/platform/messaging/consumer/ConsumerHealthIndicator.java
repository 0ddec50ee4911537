package org.federation.platform.messaging.consumer;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code consumers} health: UP while every partition moves; while a consumer waits for the store
 * it stays UP (it is doing the right thing, and restarting it would not help) with status detail
 * {@code waiting} and each waiting partition, how long it waited and its last error; and the
 * depth of each dead-letter topic of the group (records not re-driven yet).
 */
public class ConsumerHealthIndicator implements HealthIndicator {

    private final WaitingConsumers waiting;
    private final java.util.function.Supplier<java.util.Map<String, Object>> deadLetterDepths;

    public ConsumerHealthIndicator(WaitingConsumers waiting,
                                   java.util.function.Supplier<java.util.Map<String, Object>> deadLetterDepths) {
        this.waiting = waiting;
        this.deadLetterDepths = deadLetterDepths;
    }

    @Override
    public Health health() {
        if (waiting.isEmpty()) {
            return Health.up().withDetail("consuming", "every partition moving")
                    .withDetail("deadLetters", deadLetterDepths.get()).build();
        }
        return Health.up().withDetail("consuming", "waiting").withDetail("waiting", waiting.details())
                .withDetail("deadLetters", deadLetterDepths.get()).build();
    }
}
