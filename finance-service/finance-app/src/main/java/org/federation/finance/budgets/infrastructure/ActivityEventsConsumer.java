package org.federation.finance.budgets.infrastructure;

import org.federation.platform.domain.BusinessClock;
import java.time.Instant;
import java.util.function.Consumer;

import org.federation.event.contracts.ActivityCancelled;
import org.federation.event.contracts.ActivityChanged;
import org.federation.event.contracts.ActivityEventTypes;
import org.federation.event.contracts.ActivityPublished;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.event.contracts.BudgetRequested;
import org.federation.finance.budgets.application.BudgetDesk;
import org.federation.finance.budgets.domain.Budget;
import org.federation.finance.accounts.domain.AccountKinds;
import org.federation.finance.ledger.domain.Transaction;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * From {@code activity.events}: budget requests reach the Finance Department's desk (with the paying club and every
 * organising club of a joint activity); a published
 * or changed activity's end starts its budget's claim window; a cancelled activity's budget
 * closes. A repeat changes nothing (the budget's id is the activity's, a request applies only if
 * its sequence is newer, closing a closed budget is a no-op); an event that breaks the contract
 * goes to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ActivityEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> activityEvents(InboundEvents inbound, BudgetDesk desk, BusinessClock clock) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            switch (event.type()) {
                case ActivityEventTypes.BUDGET_REQUESTED -> receive(inbound, desk, clock, event);
                case ActivityEventTypes.PUBLISHED -> desk.activityEnds(event.subject(),
                        endOf(event, inbound.payload(event, ActivityPublished.class).activity()));
                case ActivityEventTypes.CHANGED -> desk.activityEnds(event.subject(),
                        endOf(event, inbound.payload(event, ActivityChanged.class).activity()));
                case ActivityEventTypes.CANCELLED -> desk.activityCancelled(event.subject(),
                        inbound.payload(event, ActivityCancelled.class).reason());
                default -> {
                    // attendance and reports are not finance-service's business
                }
            }
        };
    }

    private static Instant endOf(EventEnvelope event, ActivitySnapshot activity) {
        InboundEvents.require(activity != null && activity.end() != null, event, "activity.end is required");
        return activity.end();
    }

    private static void receive(InboundEvents inbound, BudgetDesk desk, BusinessClock clock, EventEnvelope event) {
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
        InboundEvents.require(request.clubId() == null || request.organisers().contains(request.clubId()), event,
                "clubId (the paying club) must be one of organiserClubIds");
        desk.receive(Budget.requested(request.activityId(), request.title().strip(), request.clubId(),
                request.clubId() == null ? java.util.List.of() : request.organisers(),
                request.clubId() == null ? request.department() : null, request.amountFen(),
                request.purpose() == null ? "" : request.purpose(), request.requestedBy(), event.sequence(),
                clock.instant()));
    }
}
