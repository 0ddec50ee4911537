package org.federation.platform.testing.archfixture.broken.orders.web;

import org.federation.platform.testing.archfixture.broken.orders.infrastructure.MongoOrders;

/** Breaks "web does not reach into infrastructure". */
public class OrderController {

    MongoOrders orders;
}
