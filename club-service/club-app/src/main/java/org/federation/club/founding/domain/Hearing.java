package org.federation.club.founding.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A founding defense hearing: when and where, its panel, the ballots cast, and how it ended.
 *
 * @param scheduledBy who scheduled it
 * @param scheduledOn when it was scheduled
 * @param outcome     null while open; {@code approved}, {@code rejected} or {@code inconclusive}
 * @param closedAt    when the decision was taken (the last ballot, or the closing)
 * @param closedBy    whose command took it
 */
public record Hearing(Instant scheduledAt, String place, List<PanelMember> panel, String scheduledBy,
                      Instant scheduledOn, List<Ballot> ballots, String outcome, Instant closedAt, String closedBy) {

    public Hearing {
        panel = panel == null ? List.of() : List.copyOf(panel);
        ballots = ballots == null ? List.of() : List.copyOf(ballots);
    }

    public Optional<PanelMember> member(String number) {
        return panel.stream().filter(m -> m.number().equals(number)).findFirst();
    }

    public Optional<Ballot> ballotOf(String number) {
        return ballots.stream().filter(b -> b.panelMember().equals(number)).findFirst();
    }

    public boolean everyoneVoted() {
        return panel.stream().allMatch(m -> ballotOf(m.number()).isPresent());
    }

    public boolean isOpen() {
        return outcome == null;
    }

    Hearing with(Ballot ballot) {
        List<Ballot> all = new ArrayList<>(ballots);
        all.add(ballot);
        return new Hearing(scheduledAt, place, panel, scheduledBy, scheduledOn, all, outcome, closedAt, closedBy);
    }

    Hearing closed(String result, String actor, Instant now) {
        return new Hearing(scheduledAt, place, panel, scheduledBy, scheduledOn, ballots, result, now, actor);
    }

    /** The count of the ballots so far, and what it decides under these rules. */
    public Tally tally(FoundingRules rules) {
        return Tally.of(this, rules);
    }
}
