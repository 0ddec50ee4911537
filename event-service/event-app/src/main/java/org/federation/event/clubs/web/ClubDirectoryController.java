package org.federation.event.clubs.web;

import org.federation.event.EventResources;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.clubs.domain.OrganisingClub;
import org.federation.platform.security.Remit;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** event-service's own club directory, as built from {@code club.events}; not public (it names members). */
@RestController
@RequestMapping("/api/clubs")
@Validated
class ClubDirectoryController {

    private final ClubDirectory directory;

    ClubDirectoryController(ClubDirectory directory) {
        this.directory = directory;
    }

    /** Every club event-service knows, with leaders and members: for the Organization Department and the presidium. */
    @GetMapping
    PageOf<OrganisingClub> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                                @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size,
                                Caller caller) {
        Remit.requireReads(caller, EventResources.MEMBERS, "the full club directory");
        return directory.newestFirst(page, size);
    }

    /** One club: for the Organization Department, the presidium, its liaison officer and its own leaders and members. */
    @GetMapping("/{id}")
    OrganisingClub get(@PathVariable String id, Caller caller) {
        OrganisingClub club = directory.find(id).orElseThrow(() -> new ResourceNotFoundException("club", id));
        Remit.requireReadsClub(caller, EventResources.MEMBERS, club.includes(caller.subject()), club.liaisonOfficer(),
                "club " + id + "'s leaders and members");
        return club;
    }
}
