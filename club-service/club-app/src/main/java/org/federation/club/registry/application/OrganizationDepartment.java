package org.federation.club.registry.application;

import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.security.Caller;

/**
 * The Organization Department's remit over clubs: opening registrations, confirming handovers,
 * merging clubs, assigning liaison officers and the like. It sits with the club registry, which
 * every feature already depends on, so that features checking it (registration, merger, roster,
 * lifecycle, ...) do not depend on one another for it.
 */
public final class OrganizationDepartment {

    /** The department's role name, as the caller's token carries it (the presidium acts for every department). */
    public static final String ROLE = "organization";

    private OrganizationDepartment() {
    }

    /** Refuses (403) a caller who does not act for the Organization Department. */
    public static void require(Caller caller, String what) {
        if (!caller.actsFor(ROLE)) {
            throw new ForbiddenException(what + " is the Organization Department's remit (or the presidium's); "
                    + "your roles are " + caller.roles());
        }
    }
}
