package org.federation.club.lifecycle.web;

import org.federation.platform.domain.BusinessClock;
import org.federation.club.ClubResources;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.federation.club.merger.domain.Merger;
import org.federation.club.merger.domain.Mergers;
import org.federation.club.registration.application.AnnualRegistrations;
import org.federation.club.registry.application.ClubRules;
import org.federation.club.registration.domain.RegistrationWindow;
import org.federation.club.registry.domain.AnnualRegistration;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;

/**
 * What needs the federation's attention in clubs' lifecycles, so skipped and late steps are seen:
 * overdue handovers, elections awaiting confirmation, missing and late registrations for a year,
 * suspended and dissolving clubs, and saga steps past their deadline (a dissolution still waiting
 * for its settlement, an unfinished merger) with how long they have waited. For federation staff.
 */
@RestController
@Validated
class LifecycleDashboard {

    private final Clubs clubs;
    private final AnnualRegistrations registrations;
    private final Mergers mergers;
    private final ClubRules rules;
    private final BusinessClock clock;

    LifecycleDashboard(Clubs clubs, AnnualRegistrations registrations, Mergers mergers, ClubRules rules, BusinessClock clock) {
        this.clubs = clubs;
        this.registrations = registrations;
        this.mergers = mergers;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * A saga step that has waited longer than its deadline: which saga, whose, the step, since when
     * and how long it has waited (ISO-8601 duration), and how often it was requested.
     */
    record OverdueStep(String saga, String id, String name, String step, Instant waitingSince, String waited,
                       Duration deadline, int requests, String detail) {
    }

    /** A club on the dashboard: enough to act on it. */
    record ClubItem(String clubId, String name, String state, String detail) {
    }

    record Dashboard(String academicYear, List<ClubItem> overdueHandovers, List<ClubItem> electionsAwaitingConfirmation,
                     List<ClubItem> missingRegistrations, List<ClubItem> lateRegistrationsAwaitingAcceptance,
                     List<ClubItem> suspended, List<ClubItem> dissolving, List<OverdueStep> overdueSagaSteps) {
    }

    /** {@code academicYear} defaults to the newest year with a registration window. */
    @GetMapping("/api/lifecycle/dashboard")
    Dashboard dashboard(@RequestParam(required = false) @Pattern(regexp = "\\d{4}-\\d{4}",
            message = "must look like 2026-2027") String academicYear, Caller caller) {
        Remit.requireReads(caller, ClubResources.LIFECYCLE, "the lifecycle dashboard");
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
                        .map(c -> item(c, "waiting for finance-service to settle the account; " + lastReason(c))).toList(),
                overdueSteps(all));
    }

    /** Dissolutions waiting for their settlement, and unfinished mergers, past their deadline; longest waiting first. */
    private List<OverdueStep> overdueSteps(List<Club> all) {
        Instant now = clock.instant();
        List<OverdueStep> steps = new java.util.ArrayList<>();
        for (Club club : all) {
            Instant since = club.dissolutionRequestedAt();
            if (since != null && !now.isBefore(since.plus(rules.settlementDeadline()))) {
                steps.add(new OverdueStep("dissolution", club.id(), club.name(), "account settlement by finance-service",
                        since, Duration.between(since, now).withNanos(0).toString(), rules.settlementDeadline(),
                        club.settlementRequests(), lastReason(club)));
            }
        }
        for (Merger merger : mergers.unfinishedSince(now.minus(rules.mergerDeadline()))) {
            steps.add(new OverdueStep("merger", merger.id(), String.join(", ", merger.mergedAwayIds()) + " into "
                    + merger.successorId(), merger.blockedReason() != null ? "blocked: needs the Organization Department"
                    : "carrying out the merger (resumed by the recovery sweep)", merger.decidedAt(),
                    Duration.between(merger.decidedAt(), now).withNanos(0).toString(), rules.mergerDeadline(), 1,
                    merger.blockedReason()));
        }
        steps.sort(Comparator.comparing(OverdueStep::waitingSince));
        return steps;
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
