package org.federation.finance.fees.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where fee years are kept. */
public interface FeeYears {

    Optional<FeeYear> find(String clubId, String year);

    List<FeeYear> ofClub(String clubId);

    /** Sets (or changes) the rule; the change is refused once anyone has paid a different amount. */
    FeeYear setRule(FeeYear rule);

    /**
     * Records a batch of payments by one conditional update that matches only while none of these
     * members has paid this year and the fee is still the amount they paid: all of them are recorded,
     * or none. False if it did not match.
     */
    boolean record(String id, FeeYear.Batch batch, Map<String, FeeYear.Payment> payments);

    void markBooked(String id, String batchId);

    /** Forgets the payments a reversed transaction had booked, so the members can pay again. */
    void forgetPaymentsOf(String transactionId, List<String> studentNumbers, String id);

    List<FeeYear> withUnbookedBatches(Instant before);
}
