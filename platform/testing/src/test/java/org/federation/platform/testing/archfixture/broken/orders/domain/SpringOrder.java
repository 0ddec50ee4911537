package org.federation.platform.testing.archfixture.broken.orders.domain;

import org.springframework.context.ApplicationContext;

/** Breaks "the domain is plain Java": it holds a Spring type. */
public class SpringOrder {

    ApplicationContext context;
}
