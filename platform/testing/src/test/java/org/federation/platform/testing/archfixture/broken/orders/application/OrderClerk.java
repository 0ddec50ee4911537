package org.federation.platform.testing.archfixture.broken.orders.application;

import org.federation.platform.testing.archfixture.broken.orders.infrastructure.MongoOrders;

/** Breaks "the application works through ports": it holds the MongoDB repository itself. */
public class OrderClerk {

    MongoOrders orders;
}
