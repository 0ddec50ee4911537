package org.federation.club.evaluation.application;

import java.util.List;

import org.federation.club.evaluation.domain.EvaluationCriterion;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Evaluation Department's criteria ({@code federation.evaluation.criteria}), one list for every
 * club, and how many activities a year it expects of a club ({@code activities-per-year}, 4).
 */
@ConfigurationProperties("federation.evaluation")
public record EvaluationSettings(List<EvaluationCriterion> criteria, Integer activitiesPerYear) {

    public EvaluationSettings {
        activitiesPerYear = activitiesPerYear == null || activitiesPerYear < 1 ? 4 : activitiesPerYear;
        criteria = criteria == null || criteria.isEmpty() ? List.of(
                new EvaluationCriterion("registration-on-time", "registered for the year by the deadline", 1, "registration"),
                new EvaluationCriterion("handover-on-time", "leaders handed over after a confirmed election", 1, "handover"),
                new EvaluationCriterion("member-retention", "members of the year's start still members", 1, "retention"),
                new EvaluationCriterion("activities-held", "activities held in the year (published, not cancelled, ended)",
                        1, "activities"),
                new EvaluationCriterion("report-compliance", "summary reports submitted on time", 1, "reports"),
                new EvaluationCriterion("department-assessment", "the Evaluation Department's own assessment", 1, null))
                : List.copyOf(criteria);
    }
}
