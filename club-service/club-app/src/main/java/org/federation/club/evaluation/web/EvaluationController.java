package org.federation.club.evaluation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.federation.club.evaluation.application.ClubScoring;
import org.federation.club.evaluation.domain.ClubEvaluation;
import org.federation.club.evaluation.domain.EvaluationCriterion;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Clubs' evaluations: the criteria, drafts and publication (Evaluation Department), each club's view. */
@RestController
@Validated
class EvaluationController {

    private final ClubScoring scoring;

    EvaluationController(ClubScoring scoring) {
        this.scoring = scoring;
    }

    record EnteredScore(@NotNull @Min(0) @Max(100) Integer score, @NotBlank @Size(max = 2000) String reason) {
    }

    record Draft(@NotNull @Size(max = 50) Map<@NotBlank String, @Valid @NotNull EnteredScore> scores) {
    }

    @GetMapping("/api/evaluation-criteria")
    List<EvaluationCriterion> criteria(Caller caller) {
        return scoring.criteria();
    }

    @PutMapping("/api/clubs/{clubId}/evaluations/{academicYear}")
    ClubEvaluation prepare(@PathVariable String clubId, @PathVariable String academicYear,
                           @Valid @RequestBody Draft body, Caller caller) {
        Map<String, ClubEvaluation.Entered> entered = new LinkedHashMap<>();
        body.scores().forEach((criterion, s) -> entered.put(criterion.strip(),
                new ClubEvaluation.Entered(s.score(), s.reason().strip())));
        return scoring.prepare(clubId, academicYear, entered, caller);
    }

    /**
     * Publishes the draft. With criteria still pending before the year's registration deadline the
     * department must say {@code despitePending=true}; otherwise 409.
     */
    @PostMapping("/api/clubs/{clubId}/evaluations/{academicYear}/publication")
    ClubEvaluation publish(@PathVariable String clubId, @PathVariable String academicYear,
                           @RequestParam(defaultValue = "false") boolean despitePending, Caller caller) {
        return scoring.publish(clubId, academicYear, despitePending, caller);
    }

    @GetMapping("/api/clubs/{clubId}/evaluations")
    List<ClubEvaluation> ofClub(@PathVariable String clubId, Caller caller) {
        return scoring.ofClub(clubId, caller);
    }
}
