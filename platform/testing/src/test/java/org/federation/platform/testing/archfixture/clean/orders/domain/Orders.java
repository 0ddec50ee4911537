package org.federation.platform.testing.archfixture.clean.orders.domain;

/** The port the application uses; infrastructure implements it. */
public interface Orders {

    Order find(String id);
}
