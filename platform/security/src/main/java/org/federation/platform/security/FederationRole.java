package org.federation.platform.security;

import java.util.Optional;
import java.util.Set;

/**
 * A federation-wide role as the token's {@code roles} claim carries it: {@code PRESIDIUM},
 * {@code DEPARTMENT:<name>}, {@code DEPARTMENT_HEAD:<name>}, {@code LIAISON} or {@code STUDENT}.
 * Club-scoped rights (leading or belonging to a club) are never roles: each service derives them
 * from its own copy of club-service's facts.
 *
 * @param kind       what sort of role
 * @param department the department, for {@code DEPARTMENT} and {@code DEPARTMENT_HEAD}; otherwise null
 */
public record FederationRole(Kind kind, String department) {

    /** The kinds of federation-wide role. */
    public enum Kind { PRESIDIUM, DEPARTMENT, DEPARTMENT_HEAD, LIAISON, STUDENT }

    /** The federation's departments, as the department roles name them. */
    public static final Set<String> DEPARTMENTS =
            Set.of("organization", "finance", "evaluation", "publicity", "external-relations", "office");

    /**
     * Reads one entry of the {@code roles} claim; empty for anything that is not a federation
     * role (an unknown role grants nothing, rather than failing the whole token).
     */
    public static Optional<FederationRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        String head = colon < 0 ? value : value.substring(0, colon);
        String department = colon < 0 ? null : value.substring(colon + 1);
        Kind kind;
        try {
            kind = Kind.valueOf(head);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean departmental = kind == Kind.DEPARTMENT || kind == Kind.DEPARTMENT_HEAD;
        if (departmental != (department != null) || (departmental && !DEPARTMENTS.contains(department))) {
            return Optional.empty();
        }
        return Optional.of(new FederationRole(kind, department));
    }

    @Override
    public String toString() {
        return department == null ? kind.name() : kind.name() + ":" + department;
    }
}
