package org.federation.club.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A club's current leaders and their term, the election awaiting confirmation, and the terms
 * before.
 *
 * @param overdueSince the end of the term whose handover is overdue, or null if none is
 */
public record Leadership(List<Leader> leaders, LocalDate termStartedOn, LocalDate termEndsOn,
                         ElectionMeeting pendingElection, LocalDate overdueSince, List<PastTerm> pastTerms) {

    public Leadership {
        leaders = List.copyOf(leaders);
        pastTerms = pastTerms == null ? List.of() : List.copyOf(pastTerms);
    }

    /**
     * Who led the club on a day: the current leaders from the start of their term, otherwise the
     * past term (of this club) that covered the day; empty before any known term.
     */
    public List<Leader> on(String clubId, LocalDate day) {
        if (!day.isBefore(termStartedOn)) {
            return leaders;
        }
        return pastTerms.stream().filter(t -> clubId.equals(t.clubId()) && !day.isBefore(t.startedOn())
                        && day.isBefore(t.endedOn())).reduce((a, b) -> b).map(PastTerm::leaders).orElse(List.of());
    }

    static Leadership first(List<Leader> leaders, LocalDate startedOn, LocalDate endsOn) {
        return new Leadership(leaders, startedOn, endsOn, null, null, List.of());
    }

    Leadership withPendingElection(ElectionMeeting meeting) {
        return new Leadership(leaders, termStartedOn, termEndsOn, meeting, overdueSince, pastTerms);
    }

    Leadership overdue() {
        return new Leadership(leaders, termStartedOn, termEndsOn, pendingElection, termEndsOn, pastTerms);
    }

    /** The elected leaders take office today; the ending term joins the past terms. */
    Leadership handedOver(String clubId, LocalDate today, LocalDate newTermEndsOn) {
        List<PastTerm> past = new ArrayList<>(pastTerms);
        past.add(new PastTerm(clubId, leaders, termStartedOn, today));
        return new Leadership(pendingElection.elected(), today, newTermEndsOn, null, null, past);
    }

    /** Leaders change mid-term (an open recruitment): those stepping down keep their tenure as a past term. */
    Leadership withAppointment(String clubId, List<Leader> next, List<Leader> steppingDown, LocalDate today) {
        List<PastTerm> past = new ArrayList<>(pastTerms);
        if (!steppingDown.isEmpty()) {
            past.add(new PastTerm(clubId, steppingDown, termStartedOn, today));
        }
        return new Leadership(next, termStartedOn, termEndsOn, pendingElection, overdueSince, past);
    }

    /** Takes in the history of merged-away clubs: their current and past terms, as past terms. */
    Leadership withHistoryOf(String clubId, Leadership other, LocalDate endedOn) {
        List<PastTerm> past = new ArrayList<>(pastTerms);
        past.addAll(other.pastTerms());
        past.add(new PastTerm(clubId, other.leaders(), other.termStartedOn(), endedOn));
        return new Leadership(leaders, termStartedOn, termEndsOn, pendingElection, overdueSince, past);
    }
}
