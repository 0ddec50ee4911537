package org.federation.platform.testing;

import java.util.List;

/**
 * The people an authorization matrix tries every endpoint as. Club-scoped personas (a leader, a
 * member, another club's leader) are plain students in the token; each service test makes them
 * leaders and members through its own club facts, using {@link #subject()}.
 */
public enum Persona {
    ANONYMOUS(null, List.of()),
    PRESIDIUM("2099000001", List.of("PRESIDIUM", "STUDENT")),
    ORGANIZATION_HEAD("2099000002", List.of("DEPARTMENT_HEAD:organization", "STUDENT")),
    ORGANIZATION_MEMBER("2099000003", List.of("DEPARTMENT:organization", "STUDENT")),
    FINANCE_MEMBER("2099000004", List.of("DEPARTMENT:finance", "STUDENT")),
    PUBLICITY_MEMBER("2099000005", List.of("DEPARTMENT:publicity", "STUDENT")),
    EVALUATION_MEMBER("2099000011", List.of("DEPARTMENT:evaluation", "STUDENT")),
    EXTERNAL_RELATIONS_MEMBER("2099000012", List.of("DEPARTMENT:external-relations", "STUDENT")),
    OFFICE_MEMBER("2099000013", List.of("DEPARTMENT:office", "STUDENT")),
    /** The liaison officer the roster assigns to the test's own club (each service test assigns it through its club facts). */
    LIAISON("2099000006", List.of("LIAISON", "STUDENT")),
    /** The liaison officer of another club. */
    OTHER_LIAISON("2099000014", List.of("LIAISON", "STUDENT")),
    /** Leads the test's own club. */
    LEADER("2099000007", List.of("STUDENT")),
    /** Belongs to the test's own club. */
    MEMBER("2099000008", List.of("STUDENT")),
    /** Leads another club. */
    OTHER_LEADER("2099000009", List.of("STUDENT")),
    STUDENT("2099000010", List.of("STUDENT"));

    private final String subject;
    private final List<String> roles;

    Persona(String subject, List<String> roles) {
        this.subject = subject;
        this.roles = roles;
    }

    /**
     * Who reads one club's internal data from the federation's side, besides the departments given:
     * the presidium and the club's liaison officer ({@link #LIAISON}; never {@link #OTHER_LIAISON}).
     * The rows name the departments of the remit table ({@code docs/security.md}) themselves.
     */
    public static Persona[] presidiumLiaisonAnd(Persona... others) {
        java.util.List<Persona> all = new java.util.ArrayList<>(List.of(PRESIDIUM, LIAISON));
        all.addAll(List.of(others));
        return all.toArray(Persona[]::new);
    }

    /** Every department's people: the presidium and one member (the organization head too) of each department. */
    public static Persona[] departmentsAnd(Persona... others) {
        java.util.List<Persona> all = new java.util.ArrayList<>(List.of(PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER,
                FINANCE_MEMBER, PUBLICITY_MEMBER, EVALUATION_MEMBER, EXTERNAL_RELATIONS_MEMBER, OFFICE_MEMBER));
        all.addAll(List.of(others));
        return all.toArray(Persona[]::new);
    }

    public String subject() {
        return subject;
    }

    public List<String> roles() {
        return roles;
    }

    /** The probe calling as this persona (no Authorization header for {@link #ANONYMOUS}). */
    public HttpProbe on(HttpProbe probe) {
        return this == ANONYMOUS ? probe : TestTokens.as(probe, subject, roles);
    }
}
