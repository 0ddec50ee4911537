package org.federation.club.contracts;

import java.util.List;

/**
 * A club's registration for an academic year is confirmed.
 *
 * @param club          the snapshot after registration ({@code registrationYear} = the year)
 * @param academicYear  e.g. {@code 2026-2027}
 * @param late          true if accepted by the Organization Department after the deadline
 * @param changedFields the profile fields the club changed while registering (empty: confirmed as known)
 */
public record ClubRegistrationConfirmed(ClubSnapshot club, String academicYear, boolean late,
                                        List<String> changedFields) {
}
