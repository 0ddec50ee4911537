package org.federation.platform.testing.archfixture.broken.billing.application;

import org.federation.platform.testing.archfixture.broken.orders.web.OrderController;

/** ... and billing uses orders: the other half of the cycle. */
public class Billing {

    OrderController orders;
}
