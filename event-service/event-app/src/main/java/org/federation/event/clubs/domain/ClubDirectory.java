package org.federation.event.clubs.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.federation.club.contracts.ClubSnapshot;
import org.federation.platform.paging.PageOf;

/** The clubs event-service knows, newest snapshot per club by the event's sequence (its copy of club-service's facts). */
public interface ClubDirectory {

    /** Keeps {@code club} if it is newer than what the directory holds; true if it was applied. */
    boolean keep(ClubSnapshot club, long sequence);

    Optional<OrganisingClub> find(String id);

    /** Clubs in the order event-service first heard of them, newest first. */
    PageOf<OrganisingClub> newestFirst(int page, int size);

    /**
     * The names of those of {@code clubIds} the directory knows, in one read, for what the public
     * may see of a club (its name, nothing else). A club not heard of yet is simply missing.
     */
    Map<String, String> namesOf(Collection<String> clubIds);
}
