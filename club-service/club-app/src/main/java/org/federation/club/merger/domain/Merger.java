package org.federation.club.merger.domain;

import java.time.Instant;
import java.util.List;

import org.federation.platform.problem.RuleViolationException;

/**
 * A merger of clubs decided by the Organization Department: which clubs end, and the successor
 * that takes them in (one of them, or a new club established for it). The clubs change one by
 * one (no multi-document transactions), so the merger records how far it got and is completed
 * by a retry or by the recovery sweep.
 *
 * @param successorId   the successor club (for a new club, derived from the merger id)
 * @param newSuccessor  what the new club is, or null when merging into an existing club
 * @param completedAt   when every club had moved, or null while in progress
 * @param blockedReason why the merger could not complete (a club changed state meanwhile), or null
 */
public record Merger(String id, List<String> mergedAwayIds, String successorId, NewSuccessor newSuccessor,
                     String decidedBy, Instant decidedAt, String reason, Instant completedAt, String blockedReason) {

    /**
     * A new club founded for the merger.
     *
     * @param president the student number of its first president: a leader or member of a merging club
     */
    public record NewSuccessor(String name, String category, String contact, String president) {
    }

    public static Merger decide(String id, List<String> mergedAwayIds, String intoClubId, NewSuccessor newSuccessor,
                                String reason, String actor, Instant now) {
        if ((intoClubId == null) == (newSuccessor == null)) {
            throw new RuleViolationException("into", "name either an existing successor club (intoClubId) or a new one "
                    + "(newClub), not both or neither");
        }
        if (mergedAwayIds.stream().distinct().count() != mergedAwayIds.size()) {
            throw new RuleViolationException("mergedClubIds", "a club is listed twice");
        }
        if (intoClubId != null && mergedAwayIds.contains(intoClubId)) {
            throw new RuleViolationException("intoClubId", "the successor cannot also be merged away");
        }
        if (newSuccessor != null && mergedAwayIds.size() < 2) {
            throw new RuleViolationException("mergedClubIds", "a merger into a new club needs at least two clubs");
        }
        String successor = intoClubId != null ? intoClubId : successorIdFor(id);
        return new Merger(id, List.copyOf(mergedAwayIds), successor, newSuccessor, actor, now, reason, null, null);
    }

    /** The id of a new successor club: fixed by the merger, so a retry never founds two. */
    public static String successorIdFor(String mergerId) {
        return "merged-" + mergerId;
    }

    public boolean completed() {
        return completedAt != null;
    }

    public Merger complete(Instant now) {
        return new Merger(id, mergedAwayIds, successorId, newSuccessor, decidedBy, decidedAt, reason, now, null);
    }

    public Merger blocked(String why) {
        return new Merger(id, mergedAwayIds, successorId, newSuccessor, decidedBy, decidedAt, reason, null, why);
    }
}
