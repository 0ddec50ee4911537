package org.federation.finance.budgets.web;

import org.federation.finance.FinanceResources;
import org.federation.platform.security.Remit;
import java.net.URI;
import java.time.LocalDate;

import org.federation.finance.budgets.application.BudgetDesk;
import org.federation.finance.budgets.application.BudgetRights;
import org.federation.finance.budgets.domain.Budget;
import org.federation.finance.budgets.domain.Budgets;
import org.federation.finance.clubs.application.ClubRights;
import org.federation.platform.paging.PageOf;
import org.federation.platform.idempotency.IdempotencyKey;
import org.federation.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Activities' budgets: the Finance Department decides requests; a club's leaders (or, for a
 * federation programme, its department) claim expenses against what was approved.
 */
@RestController
@RequestMapping("/api/budgets")
@Validated
class BudgetController {

    record Approval(@NotNull @Positive Long approvedFen, @Size(min = 1, max = 200) String fundingAccountId,
                    @Size(max = 500) String note) {
    }

    record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    record ReceiptRequest(@NotBlank @Size(max = 60) String number, @NotNull LocalDate issuedOn,
                          @NotBlank @Size(max = 200) String issuer) {
    }

    record ClaimRequest(@NotNull @Positive @Max(1_000_000_000L) Long amountFen,
                        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{0,39}") String category,
                        @NotBlank @Size(max = 300) String description,
                        @NotBlank @Size(max = 200) String payee,
                        @NotNull LocalDate spentOn,
                        @NotNull @Valid ReceiptRequest receipt) {
    }

    /** An accepted claim and the budget after it. */
    record ClaimAccepted(Budget.Claim claim, Budget budget) {
    }

    private final BudgetDesk desk;
    private final Budgets budgets;
    private final ClubRights rights;
    private final BudgetRights budgetRights;

    BudgetController(BudgetDesk desk, Budgets budgets, ClubRights rights, BudgetRights budgetRights) {
        this.desk = desk;
        this.budgets = budgets;
        this.rights = rights;
        this.budgetRights = budgetRights;
    }

    /** Budgets newest first: a club's ({@code clubId}) for its people and the staff, all of them for the staff. */
    @GetMapping
    PageOf<Budget> list(@RequestParam(required = false) @Pattern(regexp = "requested|approved|rejected|closed") String state,
                        @RequestParam(required = false) @Size(min = 1, max = 200) String clubId,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        if (clubId == null) {
            Remit.requireReads(caller, FinanceResources.BUDGETS, "every activity's budget");
        } else {
            rights.requireInsight(caller, clubId, FinanceResources.BUDGETS, "club " + clubId + "'s budgets");
        }
        return budgets.page(state, clubId, page, size);
    }

    /** One activity's budget with its claims. */
    @GetMapping("/{activityId}")
    Budget get(@PathVariable String activityId, Caller caller) {
        Budget budget = desk.get(activityId);
        budgetRights.requireReader(caller, budget);
        return budget;
    }

    /** Approves all or part of the request (Finance Department). */
    @PostMapping("/{activityId}/approval")
    Budget approve(IdempotencyKey key, @PathVariable String activityId, @Valid @RequestBody Approval approval, Caller caller) {
        rights.requireFinance(caller, "deciding a budget");
        return desk.approve(activityId, approval.approvedFen(), approval.fundingAccountId(), approval.note(),
                caller.subject(), key.derivedId("approval"));
    }

    /** Rejects the request (Finance Department). */
    @PostMapping("/{activityId}/rejection")
    Budget reject(IdempotencyKey key, @PathVariable String activityId, @Valid @RequestBody Rejection rejection, Caller caller) {
        rights.requireFinance(caller, "deciding a budget");
        return desk.reject(activityId, rejection.reason().strip(), caller.subject(), key.derivedId("rejection"));
    }

    /** Closes the budget by hand (Finance Department): what remains is released, no claim is accepted after. */
    @PostMapping("/{activityId}/closure")
    Budget close(IdempotencyKey key, @PathVariable String activityId, @Valid @RequestBody Rejection closure, Caller caller) {
        rights.requireFinance(caller, "closing a budget");
        return desk.close(activityId, closure.reason().strip(), caller.subject(), key.derivedId("closure"));
    }

    /**
     * Withdraws a claim as a correction (a wrong amount, an invalid receipt): its ledger
     * transaction is reversed and its amount may be claimed again. Whoever may claim may withdraw.
     */
    @PostMapping("/{activityId}/claims/{claimId}/withdrawal")
    ClaimAccepted withdraw(IdempotencyKey key, @PathVariable String activityId, @PathVariable String claimId,
                           @Valid @RequestBody Rejection withdrawal, Caller caller) {
        budgetRights.requireClaimant(caller, desk.get(activityId), "withdrawing expense claims");
        Budget.Claim claim = desk.withdraw(activityId, claimId, withdrawal.reason().strip(), caller.subject(),
                key.derivedId("withdrawal"));
        return new ClaimAccepted(claim, desk.get(activityId));
    }

    /**
     * Claims an expense with its receipt: the leaders of every organising club for a club's (or joint) activity, the organising
     * department for a federation programme, and the Finance Department. 409 beyond what remains.
     */
    @PostMapping("/{activityId}/claims")
    ResponseEntity<ClaimAccepted> claim(IdempotencyKey key, @PathVariable String activityId, @Valid @RequestBody ClaimRequest request,
                                        Caller caller) {
        budgetRights.requireClaimant(caller, desk.get(activityId), "claiming expenses");
        Budget.Claim claim = desk.claim(activityId, new BudgetDesk.ClaimRequest(request.amountFen(), request.category(),
                request.description().strip(), request.payee().strip(), request.spentOn(),
                new Budget.Receipt(request.receipt().number().strip(), request.receipt().issuedOn(),
                        request.receipt().issuer().strip())), caller.subject(), key.derivedId("claim"));
        return ResponseEntity.created(URI.create("/api/budgets/" + activityId)).body(new ClaimAccepted(claim,
                desk.get(activityId)));
    }
}
