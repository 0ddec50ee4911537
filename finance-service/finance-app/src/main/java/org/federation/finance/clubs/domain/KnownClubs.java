package org.federation.finance.clubs.domain;

import java.util.Optional;

import org.federation.club.contracts.ClubSnapshot;
import org.federation.platform.paging.PageOf;

/**
 * finance-service's club directory: its copy of the clubs club-service announces, one per club,
 * always the newest snapshot by the event's sequence (an older or repeated one changes nothing).
 */
public interface KnownClubs {

    /**
     * Keeps {@code club} as it was at {@code sequence}, unless a snapshot at that sequence or a later
     * one is kept already; remembers when finance-service first heard of the club.
     *
     * @return whether this snapshot was kept
     */
    boolean keep(ClubSnapshot club, long sequence);

    Optional<KnownClub> find(String id);

    /** Clubs in the order finance-service first heard of them, newest first. */
    PageOf<KnownClub> newestFirst(int page, int size);
}
