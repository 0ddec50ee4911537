package org.federation.finance.clubs;

import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.paging.PageOf;
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

    @GetMapping
    PageOf<KnownClub> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        return clubs.newestFirst(page, size);
    }

    @GetMapping("/{id}")
    KnownClub get(@PathVariable String id) {
        return clubs.find(id).orElseThrow(() -> new ResourceNotFoundException("club", id));
    }
}
