package org.federation.notification.delivery.domain;

/** A delivery that no retry can make succeed (a refused or unregistered webhook): it fails at once. */
public class PermanentDeliveryFailure extends Exception {

    public PermanentDeliveryFailure(String reason) {
        super(reason);
    }
}
