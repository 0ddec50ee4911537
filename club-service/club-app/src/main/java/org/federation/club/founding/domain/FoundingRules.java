package org.federation.club.founding.domain;

import java.time.Period;

/**
 * The founding rules that are configuration, not code.
 *
 * @param minInitiators  how many initiators an application needs at least
 * @param minPanel       how many members a hearing's panel has at least
 * @param quorum         the ballots a hearing needs, as a fraction of its panel (at least)
 * @param majority       the approvals needed, as a fraction of the ballots cast (strictly more than;
 *                       abstentions count as cast)
 * @param reapplyCoolOff how long after a rejection the name may not be applied for again
 */
public record FoundingRules(int minInitiators, int minPanel, Fraction quorum, Fraction majority, Period reapplyCoolOff) {

    public FoundingRules {
        if (minInitiators < 1) {
            throw new IllegalArgumentException("at least one initiator is needed, not " + minInitiators);
        }
        if (minPanel < 1) {
            throw new IllegalArgumentException("a panel has at least one member, not " + minPanel);
        }
        if (reapplyCoolOff.isNegative()) {
            throw new IllegalArgumentException("the cool-off after a rejection cannot be negative");
        }
    }
}
