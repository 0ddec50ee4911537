package org.federation.club.founding.application;

import java.time.Duration;
import java.time.Period;
import java.util.List;

import org.federation.club.founding.domain.Checklist;
import org.federation.club.founding.domain.Criterion;
import org.federation.club.founding.domain.FoundingRules;
import org.federation.club.founding.domain.Fraction;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The founding procedure's configuration ({@code federation.founding.*}): the one qualification
 * checklist, and the rules of initiators, panels and hearings. A bad value stops the service at
 * start-up with a message naming it.
 *
 * @param minInitiators   initiators an application needs at least (default 3)
 * @param minPanel        members a hearing's panel has at least (default 3)
 * @param quorum          ballots a hearing needs, as a fraction of its panel (default 2/3)
 * @param majority        approvals needed, strictly more than this fraction of the ballots cast,
 *                        abstentions included (default 1/2)
 * @param reapplyCoolOff  how long a rejected name may not be applied for again (default P90D)
 * @param completionSweep how often approved applications whose club is not yet established are
 *                        completed (default PT1M)
 * @param checklist       the qualification checklist (see {@code club-service.yaml} for the default)
 */
@ConfigurationProperties("federation.founding")
public record FoundingSettings(Integer minInitiators, Integer minPanel, String quorum, String majority,
                               Period reapplyCoolOff, Duration completionSweep, List<Criterion> checklist) {

    public FoundingSettings {
        minInitiators = minInitiators == null ? 3 : minInitiators;
        minPanel = minPanel == null ? 3 : minPanel;
        quorum = quorum == null ? "2/3" : quorum;
        majority = majority == null ? "1/2" : majority;
        reapplyCoolOff = reapplyCoolOff == null ? Period.ofDays(90) : reapplyCoolOff;
        completionSweep = completionSweep == null ? Duration.ofMinutes(1) : completionSweep;
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
        try {
            rules(minInitiators, minPanel, quorum, majority, reapplyCoolOff);
            new Checklist(checklist);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("federation.founding: " + e.getMessage(), e);
        }
    }

    public FoundingRules rules() {
        return rules(minInitiators, minPanel, quorum, majority, reapplyCoolOff);
    }

    public Checklist qualificationChecklist() {
        return new Checklist(checklist);
    }

    private static FoundingRules rules(int minInitiators, int minPanel, String quorum, String majority, Period coolOff) {
        return new FoundingRules(minInitiators, minPanel, Fraction.parse(quorum), Fraction.parse(majority), coolOff);
    }
}
