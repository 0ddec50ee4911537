package org.federation.club.founding.domain;

import java.time.Instant;
import java.util.List;

/**
 * One qualification review: who reviewed, when, every criterion's result, and what followed.
 *
 * @param outcome {@code qualified} or {@code returned}
 * @param reasons the failed mandatory criteria with their notes (why it was returned)
 */
public record Review(String reviewer, Instant at, List<CriterionResult> results, String outcome, List<String> reasons) {

    public Review {
        results = results == null ? List.of() : List.copyOf(results);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
