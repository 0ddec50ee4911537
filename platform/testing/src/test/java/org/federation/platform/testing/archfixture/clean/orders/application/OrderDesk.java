package org.federation.platform.testing.archfixture.clean.orders.application;

import org.federation.platform.testing.archfixture.clean.orders.domain.Order;
import org.federation.platform.testing.archfixture.clean.orders.domain.Orders;

public class OrderDesk {

    private final Orders orders;

    public OrderDesk(Orders orders) {
        this.orders = orders;
    }

    public Order show(String id) {
        return orders.find(id);
    }
}
