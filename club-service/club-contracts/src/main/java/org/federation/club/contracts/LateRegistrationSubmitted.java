package org.federation.club.contracts;

import java.util.List;

/**
 * A club submitted its annual registration after the deadline: it does not count until the
 * Organization Department accepts it (then {@link ClubRegistrationConfirmed} with {@code late = true}
 * follows). For that department's work queue. Keyed by the club id.
 *
 * @param club          the club's snapshot with the changes it submitted (its state is unchanged)
 * @param academicYear  e.g. {@code 2026-2027}
 * @param changedFields the profile fields the club changed while registering (empty: confirmed as known)
 */
public record LateRegistrationSubmitted(ClubSnapshot club, String academicYear, List<String> changedFields) {
}
