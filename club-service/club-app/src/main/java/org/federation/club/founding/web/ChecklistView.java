package org.federation.club.founding.web;

import java.util.List;

import org.federation.club.founding.domain.Checklist;
import org.federation.club.founding.domain.Criterion;
import org.federation.club.founding.domain.FoundingRules;

/**
 * The one qualification checklist and the founding rules, so initiators know what is asked and
 * reviewers answer the same criteria for everyone.
 *
 * @param quorum   ballots a hearing needs, as a fraction of its panel (at least)
 * @param majority approvals needed, strictly more than this fraction of the ballots cast
 */
public record ChecklistView(List<Criterion> criteria, int minInitiators, int minPanel, String quorum, String majority,
                            String reapplyCoolOff) {

    static ChecklistView of(Checklist checklist, FoundingRules rules) {
        return new ChecklistView(checklist.criteria(), rules.minInitiators(), rules.minPanel(), rules.quorum().toString(),
                rules.majority().toString(), rules.reapplyCoolOff().toString());
    }
}
