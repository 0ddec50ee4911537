package org.federation.finance.budgets.application;

import java.util.Objects;

import org.federation.finance.FinanceResources;
import org.federation.finance.budgets.domain.Budget;
import org.federation.finance.clubs.application.ClubRights;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.stereotype.Component;

/**
 * Who may read an activity's budget and who may claim against it. A joint activity's budget is every
 * organising club's: the people and liaison officers of each read it, the leaders of each claim on it.
 */
@Component
public class BudgetRights {

    private final ClubRights clubs;

    BudgetRights(ClubRights clubs) {
        this.clubs = clubs;
    }

    /** A federation programme's budget: the departments whose remit covers budgets; a club's: its organising clubs' people too. */
    public void requireReader(Caller caller, Budget budget) {
        if (budget.clubId() == null) {
            Remit.requireReads(caller, FinanceResources.BUDGETS, "a federation programme's budget");
        } else {
            Remit.requireReadsClubs(caller, FinanceResources.BUDGETS,
                    budget.organiserClubIds().stream().anyMatch(club -> clubs.isInsider(caller, club)),
                    budget.organiserClubIds().stream().map(clubs::liaisonOf).filter(Objects::nonNull).toList(),
                    "the budget of activity " + budget.id() + " (its organising clubs' own people: "
                            + String.join(", ", budget.organiserClubIds()) + ")");
        }
    }

    /**
     * Claims (and their withdrawals) are for the leaders of every organising club for a club's (or
     * joint) activity, the organising department for a federation programme, and the Finance Department.
     */
    public void requireClaimant(Caller caller, Budget budget, String what) {
        boolean allowed = caller.actsFor(ClubRights.FINANCE)
                || (budget.clubId() != null ? budget.organiserClubIds().stream().anyMatch(club -> clubs.isLeader(caller, club))
                : budget.department() != null && caller.inDepartment(budget.department()));
        if (!allowed) {
            throw new ForbiddenException(what + " on activity " + budget.id() + " is for the leaders of its organising clubs ("
                    + String.join(", ", budget.organiserClubIds()) + "), or its department, and the Finance Department");
        }
    }
}
