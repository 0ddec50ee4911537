package org.federation.platform.testing.archfixture.broken.orders.application;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Breaks "MongoDB only in infrastructure": the application queries MongoDB itself. */
public class OrderDesk {

    MongoTemplate mongo;
}
