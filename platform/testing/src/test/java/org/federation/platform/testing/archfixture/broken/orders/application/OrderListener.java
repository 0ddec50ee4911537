package org.federation.platform.testing.archfixture.broken.orders.application;

import org.springframework.messaging.Message;

/** Breaks "Kafka and Spring Cloud Stream only in infrastructure": a bound consumer outside it. */
public class OrderListener {

    public void accept(Message<String> message) {
    }
}
