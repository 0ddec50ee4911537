package org.federation.platform.testing.archfixture.clean.orders.web;

import org.federation.platform.testing.archfixture.clean.orders.application.OrderDesk;
import org.federation.platform.testing.archfixture.clean.orders.domain.Order;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {

    private final OrderDesk desk;

    public OrderController(OrderDesk desk) {
        this.desk = desk;
    }

    public Order get(String id) {
        return desk.show(id);
    }
}
