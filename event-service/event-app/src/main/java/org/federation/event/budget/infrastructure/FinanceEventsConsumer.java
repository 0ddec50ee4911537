package org.federation.event.budget.infrastructure;

import java.util.function.Consumer;

import org.federation.event.budget.domain.FinanceOutcomes;
import org.federation.finance.contracts.ActivitySpendingChanged;
import org.federation.finance.contracts.BudgetClosed;
import org.federation.finance.contracts.BudgetDecided;
import org.federation.finance.contracts.BudgetSnapshot;
import org.federation.finance.contracts.FinanceEventTypes;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Reads finance-service's budget decisions, spending (claims booked or withdrawn) and budget
 * closings from {@code finance.events} (group {@code event-service}); every other finance event is
 * ignored. An unreadable or inconsistent
 * budget event goes to {@code finance.events.event-service.dlq}.
 */
@Configuration(proxyBeanMethods = false)
class FinanceEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> financeEvents(InboundEvents inbound, FinanceOutcomes outcomes) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            if (FinanceEventTypes.BUDGET_DECIDED.equals(event.type())) {
                BudgetDecided decided = inbound.payload(event, BudgetDecided.class);
                requireBudgetOf(event, decided.budget());
                InboundEvents.require(FinanceOutcomes.DECISION_VALUES.contains(decided.decision()), event,
                        "decision is one of " + FinanceOutcomes.DECISION_VALUES);
                outcomes.decided(decided, event.sequence());
            } else if (FinanceEventTypes.ACTIVITY_SPENDING_CHANGED.equals(event.type())) {
                ActivitySpendingChanged changed = inbound.payload(event, ActivitySpendingChanged.class);
                requireBudgetOf(event, changed.budget());
                outcomes.spendingChanged(changed.budget(), event.sequence());
            } else if (FinanceEventTypes.BUDGET_CLOSED.equals(event.type())) {
                BudgetClosed closed = inbound.payload(event, BudgetClosed.class);
                requireBudgetOf(event, closed.budget());
                outcomes.spendingChanged(closed.budget(), event.sequence());
            }
        };
    }

    private static void requireBudgetOf(EventEnvelope event, BudgetSnapshot budget) {
        InboundEvents.require(budget != null && event.subject() != null && event.subject().equals(budget.activityId()),
                event, "a budget event carries the budget of the activity it is keyed by");
        InboundEvents.require(budget.spentFen() >= 0 && budget.approvedFen() >= 0 && budget.remainingFen() >= 0, event,
                "budget amounts are not negative");
    }
}
