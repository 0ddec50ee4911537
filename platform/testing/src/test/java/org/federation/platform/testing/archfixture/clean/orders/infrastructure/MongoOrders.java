package org.federation.platform.testing.archfixture.clean.orders.infrastructure;

import org.federation.platform.testing.archfixture.clean.orders.domain.Order;
import org.federation.platform.testing.archfixture.clean.orders.domain.Orders;
import org.springframework.data.mongodb.core.MongoTemplate;

public class MongoOrders implements Orders {

    private final MongoTemplate mongo;

    public MongoOrders(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Order find(String id) {
        return mongo.findById(id, Order.class);
    }
}
