package org.federation.platform.testing.archfixture.broken.orders.web;

import org.federation.platform.testing.archfixture.broken.orders.infrastructure.MongoOrders;
import org.springframework.web.bind.annotation.RestController;

/** Breaks "web does not reach into infrastructure" (and keeps "controllers live in web"). */
@RestController
public class OrderController {

    MongoOrders orders;
}
