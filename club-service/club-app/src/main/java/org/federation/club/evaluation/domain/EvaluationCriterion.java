package org.federation.club.evaluation.domain;

/**
 * One criterion of the Evaluation Department's scoring.
 *
 * @param id          e.g. {@code registration-on-time}
 * @param weight      its share of the total (weights are normalised)
 * @param derivedFrom {@code registration}, {@code handover}, {@code retention}, {@code activities}
 *                    (activities held) or {@code reports} (report compliance) when the platform fills
 *                    it from its own records; null when the department enters it
 */
public record EvaluationCriterion(String id, String description, double weight, String derivedFrom) {

    public boolean derived() {
        return derivedFrom != null && !derivedFrom.isBlank();
    }
}
