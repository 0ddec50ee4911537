package org.federation.event.budget.web;

import java.util.List;

import org.federation.event.budget.application.BudgetRequests;
import org.federation.event.contracts.BudgetRequested;
import org.federation.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The budget request accompanying an activity's proposal. */
@RestController
@RequestMapping("/api/activities/{id}/budget-request")
@Validated
class BudgetController {

    private final BudgetRequests requests;

    BudgetController(BudgetRequests requests) {
        this.requests = requests;
    }

    record Item(@NotBlank @Size(max = 200) String description, @NotNull @Positive Long amountFen) {
    }

    /**
     * @param payingClubId the organising club whose account pays (a joint activity's organisers choose); optional, the
     *                     first organiser by default
     */
    record Request(@NotEmpty @Size(max = 50) List<@NotNull @Valid Item> items,
                   @Size(min = 1, max = 200) String payingClubId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BudgetRequests.BudgetRequest request(@PathVariable String id, @Valid @RequestBody Request body, Caller caller) {
        return requests.request(id, body.items().stream()
                .map(i -> new BudgetRequested.BudgetItem(i.description().strip(), i.amountFen())).toList(),
                body.payingClubId(), caller);
    }

    @GetMapping
    BudgetRequests.BudgetRequest get(@PathVariable String id, Caller caller) {
        return requests.get(id, caller);
    }
}
