package org.federation.club.lifecycle.web;

import java.util.Comparator;
import java.util.List;

import org.federation.club.registration.application.AnnualRegistrations;
import org.federation.club.registration.domain.RegistrationWindow;
import org.federation.club.registry.domain.AnnualRegistration;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;

/**
 * What needs the federation's attention in clubs' lifecycles, so skipped and late steps are seen:
 * overdue handovers, elections awaiting confirmation, missing and late registrations for a year,
 * suspended and dissolving clubs. For federation staff.
 */
@RestController
@Validated
class LifecycleDashboard {

    private final Clubs clubs;
    private final AnnualRegistrations registrations;

    LifecycleDashboard(Clubs clubs, AnnualRegistrations registrations) {
        this.clubs = clubs;
        this.registrations = registrations;
    }

    /** A club on the dashboard: enough to act on it. */
    record ClubItem(String clubId, String name, String state, String detail) {
    }

    record Dashboard(String academicYear, List<ClubItem> overdueHandovers, List<ClubItem> electionsAwaitingConfirmation,
                     List<ClubItem> missingRegistrations, List<ClubItem> lateRegistrationsAwaitingAcceptance,
                     List<ClubItem> suspended, List<ClubItem> dissolving) {
    }

    /** {@code academicYear} defaults to the newest year with a registration window. */
    @GetMapping("/api/lifecycle/dashboard")
    Dashboard dashboard(@RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{4}",
            message = "must look like 2026-2027") String academicYear, Caller caller) {
        caller.requireFederationStaff("the lifecycle dashboard");
        String year = academicYear != null ? academicYear
                : registrations.windows().stream().map(RegistrationWindow::academicYear).findFirst().orElse(null);
        List<Club> all = clubs.inStates(List.of(ClubState.values()));
        List<Club> due = all.stream().filter(c -> c.state() == ClubState.ACTIVE || c.state() == ClubState.UNREGISTERED)
                .toList();
        return new Dashboard(year,
                due.stream().filter(c -> c.leadership().overdueSince() != null)
                        .sorted(Comparator.comparing((Club c) -> c.leadership().overdueSince()))
                        .map(c -> item(c, "term ended on " + c.leadership().overdueSince()
                                + (c.leadership().pendingElection() != null ? "; election recorded, not confirmed" : "")))
                        .toList(),
                due.stream().filter(c -> c.leadership().pendingElection() != null)
                        .map(c -> item(c, "election held on " + c.leadership().pendingElection().heldOn()
                                + (c.leadership().pendingElection().quorumReached() ? "" : " (not quorate)")))
                        .toList(),
                year == null ? List.of() : due.stream().filter(c -> c.registrations().forYear(year).isEmpty())
                        .map(c -> item(c, missed(c, year))).toList(),
                year == null ? List.of() : due.stream().filter(c -> c.registrations().forYear(year)
                                .filter(r -> !r.accepted()).isPresent())
                        .map(c -> item(c, "submitted " + c.registrations().forYear(year).map(AnnualRegistration::submittedAt)
                                .orElse(null)))
                        .toList(),
                all.stream().filter(c -> c.state() == ClubState.SUSPENDED).map(c -> item(c, lastReason(c))).toList(),
                all.stream().filter(c -> c.state() == ClubState.DISSOLVING)
                        .map(c -> item(c, "waiting for finance-service to settle the account; " + lastReason(c))).toList());
    }

    private static String missed(Club club, String year) {
        int missedYears = club.registrations().missedYears().size();
        return club.registrations().missedYears().contains(year) ? "missed the deadline"
                + (missedYears > 1 ? " (" + missedYears + " registrations missed in all)" : "") : "not registered yet";
    }

    private static String lastReason(Club club) {
        return club.history().isEmpty() ? "" : club.history().get(club.history().size() - 1).reason();
    }

    private static ClubItem item(Club club, String detail) {
        return new ClubItem(club.id(), club.name(), club.state().value(), detail);
    }

}
