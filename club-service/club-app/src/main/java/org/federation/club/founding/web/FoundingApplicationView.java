package org.federation.club.founding.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.federation.club.founding.domain.FoundingApplication;
import org.federation.club.founding.domain.FoundingRules;
import org.federation.club.founding.domain.FoundingStep;
import org.federation.club.founding.domain.Hearing;
import org.federation.club.founding.domain.Initiator;
import org.federation.club.founding.domain.PanelMember;
import org.federation.club.founding.domain.Review;
import org.federation.club.founding.domain.Tally;

/**
 * A founding application in full, for the federation's staff and its initiators: the proposal,
 * where it stands and what may be done next, every review, the hearing with its ballots and the
 * tally computed from them, earlier (inconclusive) hearings, and every step of its history.
 */
public record FoundingApplicationView(String id, String proposedName, String category, String purpose,
                                      List<String> plannedActivities, String facultyAdvisor, String constitution,
                                      String contact, List<Initiator> initiators, String state,
                                      List<String> allowedActions, List<String> reasons, LocalDate reapplyAfter,
                                      String clubId, List<Review> reviews, HearingView hearing,
                                      List<HearingView> earlierHearings, List<FoundingStep> history,
                                      Instant submittedAt, String submittedBy) {

    /** A hearing, its ballots and their tally. */
    public record HearingView(Instant scheduledAt, String place, List<PanelMember> panel, String scheduledBy,
                              Instant scheduledOn, List<BallotView> ballots, Tally tally, String outcome,
                              Instant closedAt, String closedBy) {

        static HearingView of(Hearing hearing, FoundingRules rules) {
            return new HearingView(hearing.scheduledAt(), hearing.place(), hearing.panel(), hearing.scheduledBy(),
                    hearing.scheduledOn(), hearing.ballots().stream().map(b -> new BallotView(b.panelMember(),
                            hearing.member(b.panelMember()).map(PanelMember::name).orElse(null), b.choice().value(),
                            b.comment(), b.at())).toList(),
                    hearing.tally(rules), hearing.outcome(), hearing.closedAt(), hearing.closedBy());
        }
    }

    /** One panel member's ballot. */
    public record BallotView(String panelMember, String panelMemberName, String choice, String comment, Instant at) {
    }

    static FoundingApplicationView of(FoundingApplication application, FoundingRules rules, Instant now) {
        var proposal = application.proposal();
        List<Hearing> hearings = application.hearings();
        return new FoundingApplicationView(application.id(), proposal.name(), proposal.category().value(),
                proposal.purpose(), proposal.plannedActivities(), proposal.facultyAdvisor(), proposal.constitution(),
                proposal.contact(), proposal.initiators(), application.state().value(), application.allowedActions(now),
                application.reasons(), application.reapplyAfter(), application.clubId(), application.reviews(),
                application.currentHearing().map(h -> HearingView.of(h, rules)).orElse(null),
                hearings.stream().limit(Math.max(0, hearings.size() - 1)).map(h -> HearingView.of(h, rules)).toList(),
                application.history(), application.submittedAt(), application.submittedBy());
    }
}
