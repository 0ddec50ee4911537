package org.federation.notification.feedback.infrastructure;

import java.util.function.Consumer;

import org.federation.notification.contracts.NotificationEventTypes;
import org.federation.notification.feedback.application.FeedbackBox;
import org.federation.notification.workqueue.application.WorkQueues;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The inbox notices that follow from feedback, drawn from notification-service's own events on
 * {@code notification.events} (group {@code notification-service}): {@code feedback-received} puts it
 * in the department's inbox, {@code feedback-answered} tells a signed-in sender. The event is stored
 * with the feedback in one write (the outbox), so a crash after that write delays the notice, never
 * loses it; the notices' ids come from the feedback, so a redelivered event posts nothing twice.
 * <p>
 * This is the service's only grouped consumer of its own topic: a second binding in the same group
 * would take half the partitions away from this one, so another consequence of an own event belongs
 * here (or in a consumer of a group of its own).
 */
@Configuration(proxyBeanMethods = false)
class FeedbackNotices {

    @Bean
    Consumer<Message<byte[]>> feedbackEvents(InboundEvents inbound, FeedbackBox box, WorkQueues work) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            if (NotificationEventTypes.FEEDBACK_RECEIVED.equals(event.type())) {
                // the feedback was stored before its event could be sent: missing means a store restored without it
                InboundEvents.require(box.tellDepartment(event.subject(), event.actor()), event, "no such feedback");
            } else if (NotificationEventTypes.FEEDBACK_ANSWERED.equals(event.type())) {
                InboundEvents.require(box.tellSender(event.subject(), event.actor()), event, "no such feedback");
            }
            // feedback to answer, notices to acknowledge, escalations to chase: opened and closed by these events
            work.on(event);
        };
    }
}
