package org.federation.finance.clubs.web;

import org.federation.finance.FinanceResources;
import org.federation.finance.clubs.domain.KnownClub;
import org.federation.finance.clubs.domain.KnownClubs;
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

/** finance-service's own club directory, as built from {@code club.events}. */
@RestController
@RequestMapping("/api/clubs")
@Validated
class KnownClubsController {

    private final KnownClubs clubs;

    KnownClubsController(KnownClubs clubs) {
        this.clubs = clubs;
    }

    /** Every club finance-service knows, with leaders and members: for the federation's staff. */
    @GetMapping
    PageOf<KnownClub> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size,
                           Caller caller) {
        Remit.requireReads(caller, FinanceResources.MEMBERS, "the full club directory");
        return clubs.newestFirst(page, size);
    }

    /** One club: for the federation's staff and the club's own leaders and members. */
    @GetMapping("/{id}")
    KnownClub get(@PathVariable String id, Caller caller) {
        KnownClub club = clubs.find(id).orElseThrow(() -> new ResourceNotFoundException("club", id));
        Remit.requireReadsClub(caller, FinanceResources.MEMBERS, club.includes(caller.subject()), club.liaisonOfficer(),
                "club " + id + "'s leaders and members");
        return club;
    }
}
