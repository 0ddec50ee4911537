package org.federation.club.lifecycle.web;

import org.federation.platform.domain.BusinessClock;
import org.federation.club.ClubResources;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.federation.club.lifecycle.application.ClubLifecycle;
import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ElectionMeeting;
import org.federation.club.registry.domain.Leader;
import org.federation.club.registry.domain.Leadership;
import org.federation.club.registry.domain.Transition;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A club's life after it entered the platform: its state, history and leadership (read by the
 * federation and the club's own people), suspension and reinstatement (presidium), dissolution
 * (the club's president or the Organization Department), and the leadership handover (the club
 * records its election, the Organization Department confirms it).
 */
@RestController
@RequestMapping("/api/clubs/{clubId}")
@Validated
class ClubLifecycleController {

    private final ClubLifecycle lifecycle;
    private final ClubRegistry registry;
    private final BusinessClock clock;

    ClubLifecycleController(ClubLifecycle lifecycle, ClubRegistry registry, BusinessClock clock) {
        this.lifecycle = lifecycle;
        this.registry = registry;
        this.clock = clock;
    }

    /** Why something is done: required for suspension, reinstatement and dissolution. */
    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    /** A club's state, what may be done now, and every step so far (who, when, why). */
    record LifecycleView(String clubId, String name, String state, List<String> allowedActions, String successorId,
                         List<String> predecessorIds, List<Transition> history) {
        static LifecycleView of(Club club) {
            return new LifecycleView(club.id(), club.name(), club.state().value(), club.allowedActions(),
                    club.lineage().successorId(), club.lineage().predecessorIds(), club.history());
        }
    }

    /** The club's leaders, their term, an election awaiting confirmation, and the terms before. */
    record LeadershipView(String clubId, List<Leader> leaders, LocalDate termStartedOn, LocalDate termEndsOn,
                          LocalDate handoverOverdueSince, ElectionMeeting pendingElection,
                          List<org.federation.club.registry.domain.PastTerm> pastTerms) {
        static LeadershipView of(Club club) {
            Leadership l = club.leadership();
            return new LeadershipView(club.id(), l.leaders(), l.termStartedOn(), l.termEndsOn(), l.overdueSince(),
                    l.pendingElection(), l.pastTerms());
        }
    }

    record CandidateVotesRequest(@NotBlank @Size(max = 40) String studentNumber, @NotBlank @Size(max = 200) String name,
                                 @NotNull @PositiveOrZero Integer votes) {
    }

    record ElectedRequest(@NotBlank @Size(max = 40) String studentNumber, @NotBlank @Size(max = 200) String name,
                          @NotBlank @Pattern(regexp = "president|vice-president|treasurer|secretary|[a-z-]{2,40}")
                          String role) {
    }

    /** The club's record of its leader election meeting. */
    record ElectionRequest(@NotNull LocalDate heldOn, @NotNull @PositiveOrZero @Max(100000) Integer membersPresent,
                           @NotNull Boolean quorumReached, @NotEmpty @Size(max = 100) List<@Valid @NotNull CandidateVotesRequest> votes,
                           @NotEmpty @Size(max = 20) List<@Valid @NotNull ElectedRequest> elected) {

        ElectionMeeting toMeeting(String recordedBy, Instant now) {
            return new ElectionMeeting(heldOn, membersPresent, quorumReached,
                    votes.stream().map(v -> new ElectionMeeting.CandidateVotes(v.studentNumber().strip(),
                            v.name().strip(), v.votes())).toList(),
                    elected.stream().map(e -> new Leader(e.studentNumber().strip(), e.name().strip(), e.role())).toList(),
                    recordedBy, now);
        }
    }

    @GetMapping("/lifecycle")
    LifecycleView lifecycle(@PathVariable String clubId, Caller caller) {
        Club club = registry.get(clubId);
        Remit.requireReadsClub(caller, ClubResources.LIFECYCLE, insider(club, caller), club.profile().liaisonOfficer(), "club " + clubId + "'s history");
        return LifecycleView.of(club);
    }

    @GetMapping("/leadership")
    LeadershipView leadership(@PathVariable String clubId, Caller caller) {
        Club club = registry.get(clubId);
        Remit.requireReadsClub(caller, ClubResources.LIFECYCLE, insider(club, caller), club.profile().liaisonOfficer(),
                "club " + clubId + "'s leadership record");
        return LeadershipView.of(club);
    }

    /** Who led the club on a day ("who was president on 1 March?"), from its leadership record. */
    record LeadersOn(String clubId, LocalDate on, List<Leader> leaders) {
    }

    @GetMapping("/leaders")
    LeadersOn leadersOn(@PathVariable String clubId, @org.springframework.web.bind.annotation.RequestParam LocalDate on,
                        Caller caller) {
        Club club = registry.get(clubId);
        Remit.requireReadsClub(caller, ClubResources.LIFECYCLE, insider(club, caller), club.profile().liaisonOfficer(),
                "club " + clubId + "'s leadership record");
        return new LeadersOn(clubId, on, club.leadership().on(clubId, on));
    }

    @PostMapping("/suspension")
    LifecycleView suspend(@PathVariable String clubId, @Valid @RequestBody Reason body, Caller caller) {
        return LifecycleView.of(lifecycle.suspend(clubId, body.reason().strip(), caller));
    }

    @PostMapping("/reinstatement")
    LifecycleView reinstate(@PathVariable String clubId, @Valid @RequestBody Reason body, Caller caller) {
        return LifecycleView.of(lifecycle.reinstate(clubId, body.reason().strip(), caller));
    }

    @PostMapping("/dissolution")
    LifecycleView dissolve(@PathVariable String clubId, @Valid @RequestBody Reason body, Caller caller) {
        return LifecycleView.of(lifecycle.requestDissolution(clubId, body.reason().strip(), caller));
    }

    @PostMapping("/elections")
    LeadershipView recordElection(@PathVariable String clubId, @Valid @RequestBody ElectionRequest body, Caller caller) {
        ElectionMeeting meeting = body.toMeeting(caller.subject(), clock.instant());
        return LeadershipView.of(lifecycle.recordElection(clubId, meeting, caller));
    }

    @PostMapping("/handover-confirmation")
    LeadershipView confirmHandover(@PathVariable String clubId, Caller caller) {
        return LeadershipView.of(lifecycle.confirmHandover(clubId, caller));
    }

    private static boolean insider(Club club, Caller caller) {
        return club.isLedBy(caller.subject()) || club.memberStudentNumbers().contains(caller.subject());
    }
}
