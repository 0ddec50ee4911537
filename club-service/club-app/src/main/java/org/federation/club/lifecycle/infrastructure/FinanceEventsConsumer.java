package org.federation.club.lifecycle.infrastructure;

import java.util.function.Consumer;

import org.federation.club.lifecycle.application.ClubLifecycle;
import org.federation.finance.contracts.AccountSettled;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * From {@code finance.events}: a settled account completes its club's dissolution. Other finance
 * events are not club-service's business. A repeat is harmless (the club is already dissolved);
 * a settlement naming no club goes to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class FinanceEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> financeEvents(InboundEvents inbound, ClubLifecycle lifecycle) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            if (!FinanceEventTypes.ACCOUNT_SETTLED.equals(event.type())) {
                return;
            }
            AccountSettled settled = inbound.payload(event, AccountSettled.class);
            InboundEvents.require(settled.clubId() != null && !settled.clubId().isBlank(), event,
                    "an account settlement must name its club (clubId)");
            lifecycle.completeDissolution(settled.clubId(), "account " + event.subject() + " settled ("
                    + settled.settledBalanceFen() + " fen moved to " + settled.movedTo() + ")");
        };
    }
}
