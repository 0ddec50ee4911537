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
    LIAISON("2099000006", List.of("LIAISON", "STUDENT")),
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

    /** The federation's staff (presidium, departments, liaison officer) plus any others given. */
    public static Persona[] staffAnd(Persona... others) {
        java.util.List<Persona> all = new java.util.ArrayList<>(List.of(PRESIDIUM, ORGANIZATION_HEAD, ORGANIZATION_MEMBER,
                FINANCE_MEMBER, PUBLICITY_MEMBER, LIAISON));
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
