package org.federation.club.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * A founding application moved on (submitted, qualified, returned, withdrawn, hearing scheduled,
 * inconclusive, rejected). Keyed by the application id; carries no {@code club}, so club
 * directories ignore it.
 *
 * @param application     the application's current public summary
 * @param reasons         why (failed criteria, rejecting ballots' comments); empty if none
 * @param reapplyAfter    for a rejection: the first day a new application for the name may be made
 */
public record FoundingApplicationChanged(FoundingApplicationSummary application, List<String> reasons,
                                         LocalDate reapplyAfter) {
}
