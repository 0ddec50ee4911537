package org.federation.club.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A club's leader election meeting (社团负责人选举大会) as the club recorded it: the federation's
 * rules require one before any handover.
 *
 * @param votes   votes per candidate
 * @param elected who was elected, with their roles; they take office when the department confirms
 */
public record ElectionMeeting(LocalDate heldOn, int membersPresent, boolean quorumReached,
                              List<CandidateVotes> votes, List<Leader> elected, String recordedBy, Instant recordedAt) {

    /** One candidate's result. */
    public record CandidateVotes(String studentNumber, String name, int votes) {
    }
}
