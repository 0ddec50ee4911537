package org.federation.event.contracts;

import java.time.Instant;
import java.util.List;

/**
 * An activity's public snapshot, carried by every event about it (event-carried state): a consumer
 * keeps the newest by {@code sequence}.
 *
 * @param organiserClubIds   the organising clubs (several for a joint activity; empty for a federation programme)
 * @param organisingDepartment the federation department running a programme, or null
 * @param category           the first organising club's category, or {@code federation} for a programme
 * @param audience           {@code public}, {@code members} (organising clubs' members) or {@code invited}
 * @param state              {@code approved} (published) or {@code cancelled}
 */
public record ActivitySnapshot(String id, String title, String kind, String description, Instant start, Instant end,
                               String venue, String audience, List<String> organiserClubIds,
                               String organisingDepartment, String category, String state) {
}
