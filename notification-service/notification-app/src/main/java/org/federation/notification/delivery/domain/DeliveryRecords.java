package org.federation.notification.delivery.domain;

import java.time.Instant;
import java.util.List;

/**
 * Where deliveries are kept (a port; {@code deliveries} in MongoDB), and the claim an instance takes
 * on one before attempting it: a compare-and-set on its attempt count and lease, so two instances
 * never attempt one delivery at once.
 */
public interface DeliveryRecords {

    /** Stores the planned deliveries; one whose id is taken (planned when the notice was first posted) stays as it is. */
    void planAll(List<Delivery> planned);

    /** A notice's deliveries, by channel and address. */
    List<Delivery> ofNotice(String noticeId);

    /** Pending deliveries due by {@code now} that nobody holds, at most {@code limit}. */
    List<Delivery> due(Instant now, int limit);

    /**
     * Claims the delivery for {@code instance} until {@code until}, if it is still pending, still at the
     * attempt count read, and free at {@code now}; false if not this instance's to attempt.
     */
    boolean claim(Delivery delivery, Instant now, Instant until, String instance);

    /**
     * Records an attempt's outcome and lets the claim go, only while {@code instance} still holds the
     * claim; false if it lapsed and another instance holds the delivery now (its record counts).
     */
    boolean record(String id, String instance, RetryPolicy.Outcome outcome);
}
