package org.federation.club.roster.web;

import java.util.List;

import org.federation.club.contracts.RosterChanged;
import org.federation.club.roster.application.FederationRoster;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The federation's roster (departments and their people) and clubs' liaison officers. */
@RestController
@Validated
class RosterController {

    private final FederationRoster roster;

    RosterController(FederationRoster roster) {
        this.roster = roster;
    }

    record PersonRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and -")
                         String studentNumber, @NotBlank @Size(max = 200) String name) {
        RosterChanged.Person toPerson() {
            return new RosterChanged.Person(studentNumber.strip(), name.strip());
        }
    }

    record MemberRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits and -")
                         String studentNumber, @NotBlank @Size(max = 200) String name,
                         @Pattern(regexp = "member|deputy-head", message = "must be member or deputy-head") String role) {
    }

    record LiaisonRequest(@NotBlank @Size(max = 40) String studentNumber) {
    }

    /** Everyone signed in may see who is who in the federation. */
    @GetMapping("/api/departments")
    List<RosterChanged> departments(Caller caller) {
        return roster.all().stream().map(roster::roster).toList();
    }

    @GetMapping("/api/departments/{department}")
    RosterChanged department(@PathVariable String department, Caller caller) {
        return roster.roster(roster.get(department));
    }

    @PutMapping("/api/departments/{department}/head")
    RosterChanged appointHead(@PathVariable String department, @Valid @RequestBody PersonRequest body, Caller caller) {
        return roster.roster(roster.appointHead(department, body.toPerson(), caller));
    }

    @PostMapping("/api/departments/{department}/members")
    RosterChanged add(@PathVariable String department, @Valid @RequestBody MemberRequest body, Caller caller) {
        return roster.roster(roster.add(department, new RosterChanged.Person(body.studentNumber().strip(),
                body.name().strip()), body.role() == null ? "member" : body.role(), caller));
    }

    @DeleteMapping("/api/departments/{department}/members/{studentNumber}")
    RosterChanged remove(@PathVariable String department, @PathVariable String studentNumber, Caller caller) {
        return roster.roster(roster.remove(department, studentNumber, caller));
    }

    @PutMapping("/api/clubs/{clubId}/liaison-officer")
    LiaisonAssignment assignLiaison(@PathVariable String clubId, @Valid @RequestBody LiaisonRequest body, Caller caller) {
        var club = roster.assignLiaison(clubId, body.studentNumber().strip(), caller);
        return new LiaisonAssignment(club.id(), club.profile().liaisonOfficer());
    }

    record LiaisonAssignment(String clubId, String liaisonOfficer) {
    }
}
