package org.federation.club.founding.domain;

/**
 * The count of a hearing's ballots and what it decides. The decision is computed from the
 * ballots, never typed in: without a quorum ({@link FoundingRules#quorum()} of the panel, at
 * least) there is none; with one, the application is approved if approvals are strictly more
 * than {@link FoundingRules#majority()} of the ballots cast (abstentions count as cast), and
 * rejected otherwise, a tie included.
 *
 * @param ballotsNeeded the quorum: how many ballots the panel must cast
 * @param decision      {@code approved}, {@code rejected}, or {@code no-quorum} (yet)
 */
public record Tally(int panelSize, int ballotsNeeded, int cast, int approvals, int rejections, int abstentions,
                    boolean quorate, String decision) {

    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final String NO_QUORUM = "no-quorum";

    static Tally of(Hearing hearing, FoundingRules rules) {
        int panelSize = hearing.panel().size();
        int approvals = count(hearing, BallotChoice.APPROVE);
        int rejections = count(hearing, BallotChoice.REJECT);
        int abstentions = count(hearing, BallotChoice.ABSTAIN);
        int cast = approvals + rejections + abstentions;
        int needed = Math.max(1, rules.quorum().ceilingOf(panelSize));
        boolean quorate = cast >= needed;
        String decision = !quorate ? NO_QUORUM : rules.majority().isExceededBy(approvals, cast) ? APPROVED : REJECTED;
        return new Tally(panelSize, needed, cast, approvals, rejections, abstentions, quorate, decision);
    }

    private static int count(Hearing hearing, BallotChoice choice) {
        return (int) hearing.ballots().stream().filter(b -> b.choice() == choice).count();
    }

    /** The count in words, for notes and reasons. */
    public String describe() {
        return cast + " of " + panelSize + " panel members voted (" + ballotsNeeded + " needed): " + approvals
                + " approve, " + rejections + " reject, " + abstentions + " abstain";
    }
}
