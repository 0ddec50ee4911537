package org.federation.platform.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.federation.platform.problem.ForbiddenException;

/**
 * Who is calling, as the token says: the subject (student or staff number), name, e-mail and
 * federation-wide roles. Controllers take it as a parameter; it is also the actor every state
 * change records and every event carries ({@code ce_actor}).
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

    /** Anyone working for the federation: the presidium, any department, a liaison officer. */
    public boolean isFederationStaff() {
        return roles.stream().anyMatch(r -> r.kind() != FederationRole.Kind.STUDENT);
    }

    /** Refuses (403) anyone who does not work for the federation. */
    public void requireFederationStaff(String what) {
        if (!isFederationStaff()) {
            throw new ForbiddenException(what + " is for the federation's presidium, departments and liaison officers");
        }
    }

    /**
     * Refuses (403) anyone but the federation's staff and the club's own people: a club's
     * internal data is seen by its leaders and members and by the federation.
     */
    public void requireStaffOrInsider(boolean insider, String what) {
        if (!insider && !isFederationStaff()) {
            throw new ForbiddenException(what + " is for the club's own leaders and members and the federation's staff");
        }
    }

    /**
     * For what only a club's leaders and the federation's staff may see (a roster, applications):
     * the refusal states that rule, not the wider one of {@link #requireStaffOrInsider}.
     */
    public void requireStaffOrLeader(boolean leader, String what) {
        if (!leader && !isFederationStaff()) {
            throw new ForbiddenException(what + " is for the club's leaders and the federation's staff");
        }
    }

    public boolean is(String studentNumber) {
        return subject.equals(studentNumber);
    }

    private boolean has(FederationRole.Kind kind, String department) {
        return roles.contains(new FederationRole(kind, department));
    }
}
