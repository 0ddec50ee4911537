package org.federation.platform.testing.archfixture.broken.orders.infrastructure;

import org.federation.platform.testing.archfixture.broken.billing.application.Billing;

/** One half of a cycle between features: orders uses billing ... */
public class MongoOrders {

    Billing billing;
}
