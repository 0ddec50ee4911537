package org.federation.finance.budgets.infrastructure;

import java.util.function.Consumer;

import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.BudgetRequested;
import org.federation.finance.budgets.application.BudgetDesk;
import org.federation.finance.budgets.domain.Budget;
import org.federation.finance.ledger.domain.AccountKinds;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * From {@code activity.events}: budget requests reach the Finance Department's desk. A repeat
 * changes nothing (the budget's id is the activity's, and a request applies only if its sequence
 * is newer); a request that breaks the contract goes to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ActivityEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> activityEvents(InboundEvents inbound, BudgetDesk desk, java.time.Clock clock) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            if (!ActivityEventTypes.BUDGET_REQUESTED.equals(event.type())) {
                return; // other activity events are not finance-service's business
            }
            BudgetRequested request = inbound.payload(event, BudgetRequested.class);
            InboundEvents.require(event.subject().equals(request.activityId()), event,
                    "activityId must be present and equal the event's subject " + event.subject());
            InboundEvents.require(request.title() != null && !request.title().isBlank(), event, "title is required");
            InboundEvents.require(request.amountFen() > 0 && request.amountFen() <= Transaction.MAX_AMOUNT_FEN, event,
                    "amountFen must be from 1 to " + Transaction.MAX_AMOUNT_FEN);
            InboundEvents.require(request.clubId() != null || AccountKinds.DEPARTMENTS.contains(request.department()), event,
                    "clubId or a department (" + String.join(", ", AccountKinds.DEPARTMENTS) + ") must name the organiser");
            InboundEvents.require(request.requestedBy() != null && !request.requestedBy().isBlank(), event,
                    "requestedBy is required");
            desk.receive(Budget.requested(request.activityId(), request.title().strip(), request.clubId(),
                    request.clubId() == null ? request.department() : null, request.amountFen(),
                    request.purpose() == null ? "" : request.purpose(), request.requestedBy(), event.sequence(),
                    clock.instant()));
        };
    }
}
