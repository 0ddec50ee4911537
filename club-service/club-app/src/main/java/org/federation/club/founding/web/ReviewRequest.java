package org.federation.club.founding.web;

import java.util.List;

import org.federation.club.founding.domain.CriterionAnswer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A qualification review: one result per criterion of the checklist ({@code GET /api/founding-checklist}).
 */
public record ReviewRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Result> results) {

    /**
     * @param criterion the checklist criterion's id
     * @param passed    whether the application meets it
     * @param note      the reviewer's note; required when it failed (the initiators read it)
     */
    public record Result(@NotBlank @Size(max = 60) String criterion, @NotNull Boolean passed,
                         @Size(max = 1000) String note) {
    }

    List<CriterionAnswer> answers() {
        return results.stream().map(r -> new CriterionAnswer(r.criterion(), r.passed(), r.note())).toList();
    }
}
