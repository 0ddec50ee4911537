package org.federation.platform.testing.archfixture.broken.orders.domain;

import org.federation.platform.testing.archfixture.broken.orders.application.OrderDesk;

/** Breaks "the domain depends on no other layer": it reaches up into the application. */
public class LeakyOrder {

    OrderDesk desk;
}
