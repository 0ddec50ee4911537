package org.federation.notification.directory.domain;

import java.util.Optional;
import java.util.Set;

/** The departments' heads, members and liaison assignments as rosters and sign-ins told them (a port). */
public interface KnownDepartments {

    /** The department's head(s) as persons; empty if nobody is known to head it yet. */
    Set<String> heads(String department);

    /** The liaison officer the roster assigns to this club, if any. */
    Optional<String> rosterLiaisonOf(String clubId);

    /** Every liaison officer any roster names. */
    Set<String> rosterLiaisonOfficers();
}
