package org.federation.notification.delivery.application;

import org.federation.notification.delivery.domain.Delivery;

/** A way to deliver a notice beyond the inbox (a port: SMTP and HTTP in infrastructure). */
public interface Channel {

    /** {@code email} or {@code webhook}: what a {@link Delivery}'s {@code channel} names. */
    String name();

    /** Whether it can deliver at all on this instance (e-mail: an SMTP server is configured); nothing is planned for it otherwise. */
    default boolean available() {
        return true;
    }

    /**
     * Delivers it or throws with the reason: a {@link org.federation.notification.delivery.domain.PermanentDeliveryFailure}
     * if no retry can help, anything else to be retried with backoff.
     */
    void send(Delivery delivery) throws Exception;
}
