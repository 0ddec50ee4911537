package org.federation.club.membership.web;

import org.federation.platform.domain.FederationCalendar;
import org.federation.club.ClubResources;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.federation.club.contracts.MemberCredentials;
import org.federation.club.credential.application.MemberCredentialIssuer;
import org.federation.club.membership.application.ClubMemberships;
import org.federation.club.membership.domain.MembershipApplication;
import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Memberships;
import org.federation.platform.domain.BusinessClock;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Members of a club: applying to join (any signed-in student), deciding applications (the club's
 * leaders), leaving (the member), removing (the leaders), the roster of any day (the club's
 * leaders and the federation), and member credentials (a club's own people; verification for
 * the federation's staff).
 */
@RestController
@Validated
class MembershipController {

    private final ClubMemberships memberships;
    private final MemberCredentialIssuer credentials;
    private final ClubRegistry registry;
    private final BusinessClock clock;

    MembershipController(ClubMemberships memberships, MemberCredentialIssuer credentials, ClubRegistry registry,
                         BusinessClock clock) {
        this.memberships = memberships;
        this.credentials = credentials;
        this.registry = registry;
        this.clock = clock;
    }

    /** An application as the API shows it. */
    record ApplicationView(String id, String clubId, String studentNumber, String name, String motivation, String state,
                           java.time.Instant submittedAt, String decidedBy, java.time.Instant decidedAt, String reason) {
        static ApplicationView of(MembershipApplication a) {
            return new ApplicationView(a.id(), a.clubId(), a.studentNumber(), a.name(), a.motivation(), a.state().value(),
                    a.submittedAt(), a.decidedBy(), a.decidedAt(), a.reason());
        }
    }

    record ApplicationRequest(@Size(max = 2000) String motivation) {
    }

    record Rejection(@NotBlank @Size(max = 2000) String reason) {
    }

    record Removal(@NotBlank @Size(max = 2000) String reason) {
    }

    record CredentialToVerify(@NotBlank @Size(max = 4000) String credential) {
    }

    /** The people of a club on a day: leaders, and members with when they joined. */
    record Roster(String clubId, LocalDate on, List<org.federation.club.registry.domain.Leader> leaders,
                  List<Memberships.Period> members, int memberCount) {
    }

    @PostMapping("/api/clubs/{clubId}/membership-applications")
    ResponseEntity<ApplicationView> apply(@PathVariable String clubId,
                                                @Valid @RequestBody(required = false) ApplicationRequest body,
                                                Caller caller) {
        MembershipApplication application = memberships.apply(clubId, body == null || body.motivation() == null ? null
                : body.motivation().strip(), caller);
        return ResponseEntity.created(URI.create("/api/clubs/" + clubId + "/membership-applications/"
                + application.id())).body(ApplicationView.of(application));
    }

    @GetMapping("/api/clubs/{clubId}/membership-applications")
    PageOf<ApplicationView> applications(@PathVariable String clubId,
                                               @RequestParam(required = false) @Pattern(regexp = "pending|approved|rejected|withdrawn",
                                                       message = "must be pending, approved, rejected or withdrawn") String state,
                                               @RequestParam(defaultValue = "0") @Min(0) int page,
                                               @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size,
                                               Caller caller) {
        MembershipApplication.State filter = state == null ? null : MembershipApplication.State.valueOf(state.toUpperCase());
        PageOf<MembershipApplication> found = memberships.applications(clubId, filter, page, size, caller);
        return new PageOf<>(found.items().stream().map(ApplicationView::of).toList(), page, size, found.totalItems());
    }

    @PostMapping("/api/clubs/{clubId}/membership-applications/{applicationId}/approval")
    ApplicationView approve(@PathVariable String clubId, @PathVariable String applicationId, Caller caller) {
        return ApplicationView.of(memberships.approve(clubId, applicationId, caller));
    }

    @PostMapping("/api/clubs/{clubId}/membership-applications/{applicationId}/rejection")
    ApplicationView reject(@PathVariable String clubId, @PathVariable String applicationId,
                           @Valid @RequestBody Rejection body, Caller caller) {
        return ApplicationView.of(memberships.reject(clubId, applicationId, body.reason().strip(), caller));
    }

    @PostMapping("/api/clubs/{clubId}/membership-applications/{applicationId}/withdrawal")
    ApplicationView withdraw(@PathVariable String clubId, @PathVariable String applicationId, Caller caller) {
        return ApplicationView.of(memberships.withdraw(clubId, applicationId, caller));
    }

    /** The caller leaves the club; their credentials for it are revoked. Answers with their own ended membership only. */
    @PostMapping("/api/clubs/{clubId}/membership/leaving")
    EndedMembership leave(@PathVariable String clubId, Caller caller) {
        Club club = memberships.leave(clubId, caller);
        Memberships.Period ended = club.memberships().lastEnded(caller.subject()).orElseThrow();
        return new EndedMembership(club.id(), ended.studentNumber(), ended.name(), ended.joinedOn(), ended.leftAt(),
                ended.how());
    }

    /** The leaders remove a member (with a reason); the member's credentials are revoked. */
    @DeleteMapping("/api/clubs/{clubId}/members/{studentNumber}")
    Roster remove(@PathVariable String clubId, @PathVariable String studentNumber, @Valid @RequestBody Removal body,
                  Caller caller) {
        return roster(memberships.remove(clubId, studentNumber, body.reason().strip(), caller), today());
    }

    /** Who belonged to the club on a day (default today): retention is visible, not guessed. */
    @GetMapping("/api/clubs/{clubId}/members")
    Roster members(@PathVariable String clubId, @RequestParam(required = false) LocalDate on, Caller caller) {
        Club club = registry.get(clubId);
        Remit.requireReadsClub(caller, ClubResources.MEMBERS, club.isLedBy(caller.subject()), "the club\'s leaders",
                club.profile().liaisonOfficer(),
                "club " + clubId + "'s roster");
        return roster(club, on == null ? today() : on);
    }

    /**
     * The leaver's own membership, just ended: what they may know. (The roster is not theirs to
     * read, so leaving must not hand it out.)
     */
    record EndedMembership(String clubId, String studentNumber, String name, LocalDate joinedOn, java.time.Instant leftAt,
                           String how) {
    }

    @PostMapping("/api/clubs/{clubId}/credentials")
    MemberCredentialIssuer.IssuedCredential credential(@PathVariable String clubId, Caller caller) {
        return credentials.issueFor(clubId, caller);
    }

    /** Verifies a scanned credential as an offline verifier would (for the presidium and the departments). */
    @PostMapping("/api/credentials/verification")
    MemberCredentials.Verification verify(@Valid @RequestBody CredentialToVerify body, Caller caller) {
        Remit.requireReads(caller, Remit.CREDENTIAL_VERIFICATION, "verifying member credentials here");
        return credentials.verify(body.credential());
    }

    private static Roster roster(Club club, LocalDate on) {
        List<Memberships.Period> members = club.memberships().on(on).stream()
                .filter(p -> !club.isLedBy(p.studentNumber())).toList();
        return new Roster(club.id(), on, club.leaders(), members, members.size());
    }

    /** The federation's today in business time (the day memberships are dated by). */
    private LocalDate today() {
        return FederationCalendar.dayOf(clock.instant());
    }
}
