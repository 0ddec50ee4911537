package org.federation.club.contracts;

import java.util.List;

/**
 * {@code org.federation.club.evaluation-published.v1}: the Evaluation Department published a
 * club's evaluation for an academic year (key = evaluation id {@code <clubId>:<year>}; carries no
 * {@code club}). Every score says why and where it came from.
 *
 * @param evaluationId {@code <clubId>:<academicYear>}
 * @param clubId       the club
 * @param academicYear e.g. {@code 2026-2027}
 * @param total        the weighted total, 0–100
 * @param scores       per criterion
 */
public record EvaluationPublished(String evaluationId, String clubId, String academicYear, double total,
                                  List<Score> scores) {

    /**
     * One criterion's score.
     *
     * @param source {@code derived} (from facts the platform holds) or {@code entered:<who>}
     */
    public record Score(String criterion, int score, double weight, String reason, String source) {
    }
}
