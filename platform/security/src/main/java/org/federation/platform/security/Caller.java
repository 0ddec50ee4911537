package org.federation.platform.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the token says: the subject (student or staff number), name, e-mail and
 * federation-wide roles. Controllers take it as a parameter; it is also the actor every state
 * change records and every event carries ({@code ce_actor}). What a role reads is not decided here
 * but by the {@link Remit} (there is no "any role but student reads everything" any more).
 */
public record Caller(String subject, String name, String email, Set<FederationRole> roles) {

    /** Reads the {@code roles} claim's entries; entries that are not federation roles are ignored. */
    public static Caller of(String subject, String name, String email, Collection<String> roleClaims) {
        Set<FederationRole> roles = roleClaims == null ? Set.of() : roleClaims.stream()
                .map(FederationRole::parse).flatMap(java.util.Optional::stream).collect(Collectors.toUnmodifiableSet());
        return new Caller(subject, name, email, roles);
    }

    public boolean isPresidium() {
        return has(FederationRole.Kind.PRESIDIUM, null);
    }

    /** A member or the head of this department. */
    public boolean inDepartment(String department) {
        return has(FederationRole.Kind.DEPARTMENT, department) || headsDepartment(department);
    }

    public boolean headsDepartment(String department) {
        return has(FederationRole.Kind.DEPARTMENT_HEAD, department);
    }

    public boolean isLiaisonOfficer() {
        return has(FederationRole.Kind.LIAISON, null);
    }

    /** The presidium or a member of this department: who may act within the department's remit. */
    public boolean actsFor(String department) {
        return isPresidium() || inDepartment(department);
    }

    public boolean is(String studentNumber) {
        return subject.equals(studentNumber);
    }

    private boolean has(FederationRole.Kind kind, String department) {
        return roles.contains(new FederationRole(kind, department));
    }
}
