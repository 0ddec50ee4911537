package org.federation.club.registry.domain;

import java.time.Instant;
import java.util.List;

/**
 * A club's registration for one academic year.
 *
 * @param late           submitted after the deadline (then it counts once the department accepts it)
 * @param accepted       whether it counts: on time, or late and accepted
 * @param changedFields  what the club changed against what the federation already knew
 * @param memberCount    the member count the club confirmed
 */
public record AnnualRegistration(String academicYear, Instant submittedAt, String submittedBy, boolean late,
                                 boolean accepted, List<String> changedFields, int memberCount) {

    AnnualRegistration accept() {
        return new AnnualRegistration(academicYear, submittedAt, submittedBy, late, true, changedFields, memberCount);
    }
}
