package org.federation.club.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.federation.platform.problem.RuleViolationException;

/**
 * A club's current leaders and their term, the election awaiting confirmation, and the terms
 * before: the rules of elections, handovers and appointments. Whether the club's state allows a
 * change is the {@link Club}'s question; whether the change is coherent is this one's.
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

    /** The student numbers of the current leaders. */
    public List<String> studentNumbers() {
        return leaders.stream().map(Leader::studentNumber).toList();
    }

    /** Whether {@code studentNumber} leads the club now. */
    public boolean includes(String studentNumber) {
        return leaders.stream().anyMatch(l -> l.studentNumber().equals(studentNumber));
    }

    static Leadership first(List<Leader> leaders, LocalDate startedOn, LocalDate endsOn) {
        return new Leadership(leaders, startedOn, endsOn, null, null, List.of());
    }

    /**
     * The club held its election meeting: a coherent record of a meeting already held waits for
     * the Organization Department's confirmation (a newer one replaces it).
     */
    Leadership electionRecorded(ElectionMeeting meeting, LocalDate today) {
        meeting.check();
        if (meeting.heldOn().isAfter(today)) {
            throw new RuleViolationException("heldOn", "an election meeting cannot be recorded before it is held ("
                    + meeting.heldOn() + ")");
        }
        return new Leadership(leaders, termStartedOn, termEndsOn, meeting, overdueSince, pastTerms);
    }

    /**
     * The recorded election is confirmed: the elected take office today for a new term, the ending
     * term joins the past terms. Only a quorate meeting elects.
     */
    Leadership handedOver(String clubId, LocalDate today, LocalDate newTermEndsOn) {
        if (!pendingElection.quorumReached()) {
            throw new RuleViolationException("quorumReached", "the election meeting of " + pendingElection.heldOn()
                    + " was not quorate; the club must hold a new one");
        }
        List<PastTerm> past = new ArrayList<>(pastTerms);
        past.add(new PastTerm(clubId, leaders, termStartedOn, today));
        return new Leadership(pendingElection.elected(), today, newTermEndsOn, null, null, past);
    }

    /** Whether the term ended before {@code today} without a handover, and that is not yet flagged. */
    boolean handoverNewlyOverdueOn(LocalDate today) {
        return termEndsOn.isBefore(today) && !termEndsOn.equals(overdueSince);
    }

    Leadership overdue() {
        return new Leadership(leaders, termStartedOn, termEndsOn, pendingElection, termEndsOn, pastTerms);
    }

    /** The leaders an appointee replaces: the holder of the role, and the appointee's own current role. */
    List<Leader> replacedBy(Leader appointee) {
        return leaders.stream().filter(l -> l.role().equals(appointee.role())
                || l.studentNumber().equals(appointee.studentNumber())).toList();
    }

    /**
     * Leaders change mid-term (an open recruitment): the appointee takes the role from today, those
     * stepping down keep their tenure as a past term.
     */
    Leadership withAppointment(String clubId, Leader appointee, LocalDate today) {
        List<Leader> steppingDown = replacedBy(appointee);
        List<Leader> next = new ArrayList<>(leaders.stream().filter(l -> !steppingDown.contains(l)).toList());
        next.add(appointee);
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
