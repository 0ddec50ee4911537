package org.federation.club.founding.domain;

import java.util.List;

import org.federation.club.registry.domain.Leader;

/**
 * A student who applies to found the club, with the role they are proposed for in it.
 *
 * @param role {@code president}, {@code vice-president}, {@code treasurer}, {@code secretary} or
 *             {@code member}; null until defaults are applied (see {@link Proposal#checked})
 */
public record Initiator(String studentNumber, String name, String role) {

    public static final String PRESIDENT = Leader.PRESIDENT;
    public static final String MEMBER = "member";
    /** The roles an initiator may be proposed for, leaders first, in the order leaders are listed. */
    public static final List<String> ROLES = List.of(PRESIDENT, "vice-president", "treasurer", "secretary", MEMBER);

    /** Whether this initiator becomes one of the club's leaders (any role but member). */
    public boolean leads() {
        return !MEMBER.equals(role);
    }

    Initiator withRole(String newRole) {
        return new Initiator(studentNumber, name, newRole);
    }

    Leader toLeader() {
        return new Leader(studentNumber, name, role);
    }
}
