package org.federation.notification.directory.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A federation department as notification-service knows it: its head(s) and members from the
 * roster ({@code org.federation.federation.roster-changed.v1}, authoritative once it arrives) and
 * from the tokens of people who signed in ({@code DEPARTMENT:<d>}, {@code DEPARTMENT_HEAD:<d>}).
 *
 * @param liaisonAssignments for the department that assigns liaison officers: officer → clubs, from the roster
 */
public record Department(String id, List<String> rosterHeads, List<String> rosterMembers, List<String> seenHeads,
                         List<String> seenMembers, List<LiaisonAssignment> liaisonAssignments, Long sequence) {

    /** A liaison officer and the clubs they relay for. */
    public record LiaisonAssignment(String officer, List<String> clubIds) {
    }

    public Set<String> heads() {
        Set<String> heads = new LinkedHashSet<>();
        if (rosterHeads != null) {
            heads.addAll(rosterHeads);
        }
        if (seenHeads != null) {
            heads.addAll(seenHeads);
        }
        return heads;
    }

    public Set<String> members() {
        Set<String> members = new LinkedHashSet<>(heads());
        if (rosterMembers != null) {
            members.addAll(rosterMembers);
        }
        if (seenMembers != null) {
            members.addAll(seenMembers);
        }
        return members;
    }
}
