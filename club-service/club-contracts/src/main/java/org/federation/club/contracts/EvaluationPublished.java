package org.federation.club.contracts;

import java.util.List;

/**
 * {@code org.federation.club.evaluation-published.v1}: the Evaluation Department published a
 * club's evaluation for an academic year (key = evaluation id {@code <clubId>:<year>}; carries no
 * {@code club}). Every score says why and where it came from.
 *
 * @param evaluationId    {@code <clubId>:<academicYear>}
 * @param clubId          the club
 * @param academicYear    e.g. {@code 2026-2027}
 * @param total           the weighted total, 0–100, over the decided criteria only
 * @param scores          per criterion
 * @param pendingCriteria optional (added later): how many criteria were still pending, left out of
 *                        the total; absent in older events, meaning none
 */
public record EvaluationPublished(String evaluationId, String clubId, String academicYear, double total,
                                  List<Score> scores, Integer pendingCriteria) {

    /** A criterion whose outcome is known. */
    public static final String DECIDED = "decided";
    /** A criterion whose outcome is not known yet (e.g. the year's registration is still open): no score. */
    public static final String PENDING = "pending";

    /**
     * One criterion's score.
     *
     * @param score  0–100; null when the criterion is {@link #PENDING}
     * @param source {@code derived} (from facts the platform holds) or {@code entered:<who>}
     * @param status optional (added later): {@link #DECIDED} or {@link #PENDING}; absent in older
     *               events, meaning decided
     */
    public record Score(String criterion, Integer score, double weight, String reason, String source, String status) {

        /** A decided score. */
        public Score(String criterion, int score, double weight, String reason, String source) {
            this(criterion, Integer.valueOf(score), weight, reason, source, DECIDED);
        }

        /** A criterion that cannot be scored yet, and why. */
        public static Score pending(String criterion, double weight, String reason, String source) {
            return new Score(criterion, null, weight, reason, source, PENDING);
        }

        /** Whether the outcome is not known yet (older events, without a status, are decided). */
        public boolean isPending() {
            return PENDING.equals(status);
        }
    }
}
