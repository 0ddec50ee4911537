package org.federation.finance.sponsorship.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.federation.finance.ledger.domain.Withdrawal;

import org.federation.platform.paging.PageOf;

/** Where sponsorships are kept. */
public interface Sponsorships {

    void insert(Sponsorship sponsorship);

    Optional<Sponsorship> find(String id);

    /** Adds a receipt by one conditional update matching only while {@code receivedFen + amount <= promisedFen}. */
    boolean addReceipt(String id, Sponsorship.Receipt receipt);

    void markBooked(String id, String receiptId);

    List<Sponsorship> withUnbookedReceipts(Instant before);

    /**
     * Withdraws a booked receipt by one conditional update (only while it is not withdrawn), taking
     * its amount off what was received. False if it did not match (withdrawn meanwhile).
     */
    boolean withdraw(String id, Sponsorship.Receipt receipt, Withdrawal withdrawal);

    void markWithdrawalBooked(String id, String receiptId);

    List<Sponsorship> withUnbookedWithdrawals(Instant before);

    PageOf<Sponsorship> page(String clubId, int page, int size);
}
