package org.federation.notification.delivery.application;

import org.federation.notification.delivery.domain.Delivery;

/** A way to deliver a notice beyond the inbox. */
public interface Channel {

    String name();

    /** Delivers it or throws with the reason (the attempt is recorded and retried with backoff). */
    void send(Delivery delivery) throws Exception;
}
