package org.federation.club.registry.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.federation.platform.problem.StateConflictException;

/**
 * A club's annual registrations: each year's submission, and the years it missed.
 */
public record Registrations(List<AnnualRegistration> years, List<String> missedYears) {

    public Registrations {
        years = years == null ? List.of() : List.copyOf(years);
        missedYears = missedYears == null ? List.of() : List.copyOf(missedYears);
    }

    static Registrations none() {
        return new Registrations(List.of(), List.of());
    }

    public Optional<AnnualRegistration> forYear(String academicYear) {
        return years.stream().filter(r -> r.academicYear().equals(academicYear)).findFirst();
    }

    /** Whether the year's registration counts (on time, or late and accepted). */
    public boolean countsFor(String academicYear) {
        return forYear(academicYear).map(AnnualRegistration::accepted).orElse(false);
    }

    /** A club registers once a year: a second submission for the year is a 409 naming the first. */
    void requireNotSubmitted(String clubId, String academicYear) {
        forYear(academicYear).ifPresent(existing -> {
            throw new StateConflictException("club " + clubId + " already " + (existing.accepted() ? "registered" :
                    "submitted a late registration") + " for " + academicYear + " on " + existing.submittedAt());
        });
    }

    /** The newest academic year whose registration counts, or null. */
    public String lastConfirmedYear() {
        return years.stream().filter(AnnualRegistration::accepted).map(AnnualRegistration::academicYear)
                .max(String::compareTo).orElse(null);
    }

    Registrations with(AnnualRegistration registration) {
        List<AnnualRegistration> all = new ArrayList<>(years.stream()
                .filter(r -> !r.academicYear().equals(registration.academicYear())).toList());
        all.add(registration);
        return new Registrations(all, missedYears);
    }

    Registrations missed(String academicYear) {
        List<String> missed = new ArrayList<>(missedYears);
        missed.add(academicYear);
        return new Registrations(years, missed);
    }
}
