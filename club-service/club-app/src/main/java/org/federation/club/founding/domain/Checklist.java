package org.federation.club.founding.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.federation.platform.problem.RuleViolationException;

/**
 * The one qualification checklist every founding application is reviewed against (the report's
 * "unified criteria"): the same criteria, in the same order, for everyone.
 */
public record Checklist(List<Criterion> criteria) {

    public Checklist {
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("the founding checklist needs at least one criterion");
        }
        Set<String> ids = new HashSet<>();
        for (Criterion criterion : criteria) {
            if (criterion.id() == null || criterion.id().isBlank()) {
                throw new IllegalArgumentException("every criterion of the founding checklist needs an id");
            }
            if (!ids.add(criterion.id())) {
                throw new IllegalArgumentException("criterion '" + criterion.id() + "' is in the founding checklist twice");
            }
        }
    }

    /**
     * Checks that {@code answers} answer every criterion exactly once, and nothing else, and that
     * every failed criterion says why; returns the results in checklist order.
     *
     * @throws RuleViolationException on field {@code results}, naming the criteria at fault
     */
    public List<CriterionResult> assess(List<CriterionAnswer> answers) {
        Map<String, Criterion> byId = criteria.stream().collect(Collectors.toMap(Criterion::id, Function.identity()));
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        Set<String> answered = new HashSet<>();
        for (CriterionAnswer answer : answers) {
            String id = answer.criterion().strip();
            if (!byId.containsKey(id)) {
                unknown.add(id);
            } else if (!answered.add(id)) {
                twice.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("results", "unknown criteria: " + String.join(", ", unknown)
                    + "; the checklist has " + String.join(", ", ids()));
        }
        if (!twice.isEmpty()) {
            throw new RuleViolationException("results", "criteria answered more than once: " + String.join(", ", twice));
        }
        List<String> missing = ids().stream().filter(id -> !answered.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolationException("results", "every criterion of the checklist must be answered; missing: "
                    + String.join(", ", missing));
        }
        List<String> unexplained = answers.stream().filter(a -> !a.passed() && (a.note() == null || a.note().isBlank()))
                .map(a -> a.criterion().strip()).toList();
        if (!unexplained.isEmpty()) {
            throw new RuleViolationException("results", "a failed criterion needs a note saying why: "
                    + String.join(", ", unexplained));
        }
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion criterion : criteria) {
            CriterionAnswer answer = answers.stream().filter(a -> a.criterion().strip().equals(criterion.id()))
                    .findFirst().orElseThrow();
            results.add(new CriterionResult(criterion.id(), criterion.description(), criterion.mandatory(),
                    answer.passed(), answer.note() == null || answer.note().isBlank() ? null : answer.note().strip()));
        }
        return results;
    }

    public List<String> ids() {
        return criteria.stream().map(Criterion::id).toList();
    }
}
