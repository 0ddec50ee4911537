package org.federation.club.league.web;

import org.federation.club.ClubResources;
import java.util.List;

import org.federation.club.league.application.YouthLeagueBranches;
import org.federation.club.league.domain.LeagueBranch;
import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.Club;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A club's youth-league branch (团支部): members, secretary, awards. */
@RestController
@RequestMapping("/api/clubs/{clubId}/league-branch")
@Validated
class LeagueBranchController {

    private final YouthLeagueBranches branches;
    private final ClubRegistry registry;

    LeagueBranchController(YouthLeagueBranches branches, ClubRegistry registry) {
        this.branches = branches;
        this.registry = registry;
    }

    record Establishment(@NotBlank @Size(max = 40) String secretary,
                         @NotNull @Size(max = 500) List<@NotBlank @Size(max = 40) String> members) {
    }

    record Person(@NotBlank @Size(max = 40) String studentNumber) {
    }

    record AwardRequest(@NotBlank @Size(max = 60) String award,
                        @NotBlank @Pattern(regexp = "\\d{4}", message = "a year such as 2026") String year,
                        @Size(min = 1, max = 40) String recipient) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    LeagueBranch establish(@PathVariable String clubId, @Valid @RequestBody Establishment body, Caller caller) {
        return branches.establish(clubId, body.secretary().strip(), body.members().stream().map(String::strip).toList(),
                caller);
    }

    @GetMapping
    LeagueBranch get(@PathVariable String clubId, Caller caller) {
        Club club = registry.get(clubId);
        Remit.requireReadsClub(caller, ClubResources.LEAGUE_BRANCHES, club.includes(caller.subject()), club.profile().liaisonOfficer(),
                "club " + clubId + "'s youth-league branch");
        return branches.get(clubId);
    }

    @PostMapping("/members")
    LeagueBranch addMember(@PathVariable String clubId, @Valid @RequestBody Person body, Caller caller) {
        return branches.addMember(clubId, body.studentNumber().strip(), caller);
    }

    @DeleteMapping("/members/{studentNumber}")
    LeagueBranch removeMember(@PathVariable String clubId, @PathVariable String studentNumber, Caller caller) {
        return branches.removeMember(clubId, studentNumber, caller);
    }

    @PutMapping("/secretary")
    LeagueBranch appointSecretary(@PathVariable String clubId, @Valid @RequestBody Person body, Caller caller) {
        return branches.appointSecretary(clubId, body.studentNumber().strip(), caller);
    }

    @PostMapping("/awards")
    LeagueBranch award(@PathVariable String clubId, @Valid @RequestBody AwardRequest body, Caller caller) {
        return branches.award(clubId, body.award().strip(), body.year(), body.recipient() == null ? null
                : body.recipient().strip(), caller);
    }

    @PostMapping("/dissolution")
    LeagueBranch dissolve(@PathVariable String clubId, Caller caller) {
        return branches.dissolve(clubId, caller);
    }
}
