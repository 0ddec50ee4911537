package org.federation.platform.testing.archfixture.clean.orders.infrastructure;

import org.federation.platform.testing.archfixture.clean.orders.application.OrderDesk;
import org.springframework.messaging.Message;

public class OrderEventsConsumer {

    private final OrderDesk desk;

    public OrderEventsConsumer(OrderDesk desk) {
        this.desk = desk;
    }

    public void accept(Message<String> message) {
        desk.show(message.getPayload());
    }
}
