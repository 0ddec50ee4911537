package org.federation.club.contracts;

import java.time.Instant;
import java.util.List;

/**
 * What the federation may know of a founding application in flight.
 *
 * @param id           the application id
 * @param proposedName the proposed club name
 * @param category     the proposed category
 * @param state        {@code submitted}, {@code returned}, {@code qualified}, {@code hearing-scheduled},
 *                     {@code inconclusive}, {@code approved}, {@code established}, {@code rejected}, {@code withdrawn}
 * @param initiators   the initiators' student numbers, the first is the contact
 * @param hearing      the scheduled hearing, or null
 */
public record FoundingApplicationSummary(String id, String proposedName, String category, String state,
                                         List<String> initiators, HearingSummary hearing) {

    /**
     * A founding defense hearing.
     *
     * @param scheduledAt when it takes place
     * @param place       where
     * @param panel       the panel members' staff or student numbers
     */
    public record HearingSummary(Instant scheduledAt, String place, List<String> panel) {
    }
}
