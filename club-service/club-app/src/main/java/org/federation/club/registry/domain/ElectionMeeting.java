package org.federation.club.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.federation.platform.problem.RuleViolationException;

/**
 * A club's leader election meeting (社团负责人选举大会) as the club recorded it: the federation's
 * rules require one before any handover.
 *
 * @param votes   votes per candidate
 * @param elected who was elected, with their roles; they take office when the department confirms
 */
public record ElectionMeeting(LocalDate heldOn, int membersPresent, boolean quorumReached,
                              List<CandidateVotes> votes, List<Leader> elected, String recordedBy, Instant recordedAt) {

    /**
     * Checks the record is coherent: each candidate once, no more votes than members present, the
     * elected among the candidates, exactly one president, nobody elected twice.
     */
    void check() {
        if (votes.stream().map(CandidateVotes::studentNumber).distinct().count() != votes.size()) {
            throw new RuleViolationException("votes", "a candidate is listed twice");
        }
        votes.stream().filter(v -> v.votes() > membersPresent).findFirst().ifPresent(v -> {
            throw new RuleViolationException("votes", v.studentNumber() + " has " + v.votes()
                    + " votes but only " + membersPresent + " members were present");
        });
        for (Leader leader : elected) {
            if (votes.stream().noneMatch(v -> v.studentNumber().equals(leader.studentNumber()))) {
                throw new RuleViolationException("elected", leader.studentNumber() + " was elected but is not a candidate");
            }
        }
        if (elected.stream().map(Leader::studentNumber).distinct().count() != elected.size()) {
            throw new RuleViolationException("elected", "a person is elected twice");
        }
        if (elected.stream().filter(l -> Leader.PRESIDENT.equals(l.role())).count() != 1) {
            throw new RuleViolationException("elected", "exactly one president must be elected");
        }
    }

    /** One candidate's result. */
    public record CandidateVotes(String studentNumber, String name, int votes) {
    }
}
