package org.federation.club.contracts;

import java.time.Instant;
import java.util.List;

/**
 * {@code org.federation.club.profile-updated.v1}: facts of a club's shared profile were set (key =
 * {@code profile-<clubId>}; carries no {@code club}). Every fact names who set it, when and from
 * which source, so every department reads the same, once collected.
 *
 * @param clubId the club
 * @param facts  the facts that were set
 */
public record ClubProfileUpdated(String clubId, List<Fact> facts) {

    /**
     * One fact.
     *
     * @param field  e.g. {@code meetingPlace}
     * @param value  its value as text
     * @param setBy  who supplied it
     * @param setAt  when
     * @param source {@code registration}, {@code request:<id>}, {@code club}, {@code import}, …
     */
    public record Fact(String field, String value, String setBy, Instant setAt, String source) {
    }
}
