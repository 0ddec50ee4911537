package org.federation.club.merger.web;

import org.federation.club.ClubResources;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.federation.club.merger.application.ClubMergers;
import org.federation.club.merger.domain.Merger;
import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.Club;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Mergers of clubs (the Organization Department decides) and any club's lineage. */
@RestController
@Validated
class MergerController {

    private final ClubMergers mergers;
    private final ClubRegistry registry;

    MergerController(ClubMergers mergers, ClubRegistry registry) {
        this.mergers = mergers;
        this.registry = registry;
    }

    record NewClubRequest(@NotBlank @Size(max = 200) String name, @NotBlank String category,
                          @NotBlank @Size(max = 200) String contact, @NotBlank @Size(max = 40) String president) {
    }

    /** Merge {@code mergedClubIds} into {@code intoClubId}, or into a new club ({@code newClub}). */
    record MergerRequest(@NotEmpty @Size(max = 20) List<@NotBlank String> mergedClubIds, String intoClubId,
                         @Valid NewClubRequest newClub, @NotBlank @Size(max = 2000) String reason) {
    }

    /** A club's ancestry and descent through mergers. */
    record Lineage(String clubId, String state, List<String> predecessors, List<String> successors) {
    }

    @PostMapping("/api/mergers")
    ResponseEntity<Merger> merge(@Valid @RequestBody MergerRequest body, Caller caller) {
        Merger.NewSuccessor newClub = body.newClub() == null ? null : new Merger.NewSuccessor(body.newClub().name(),
                body.newClub().category(), body.newClub().contact(), body.newClub().president().strip());
        Merger merger = mergers.merge(body.mergedClubIds().stream().map(String::strip).toList(),
                body.intoClubId() == null ? null : body.intoClubId().strip(), newClub, body.reason().strip(), caller);
        return ResponseEntity.created(URI.create("/api/mergers/" + merger.id())).body(merger);
    }

    @GetMapping("/api/mergers")
    PageOf<Merger> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        Remit.requireReads(caller, ClubResources.LIFECYCLE, "the list of mergers");
        return new PageOf<>(mergers.newestFirst(page, size), page, size, mergers.count());
    }

    @GetMapping("/api/mergers/{id}")
    Merger get(@PathVariable String id, Caller caller) {
        Remit.requireReads(caller, ClubResources.LIFECYCLE, "a merger's record");
        return mergers.get(id);
    }

    /** Public like the directory: which clubs a club came from and what it became. */
    @GetMapping("/api/clubs/{clubId}/lineage")
    Lineage lineage(@PathVariable String clubId) {
        Club club = registry.get(clubId);
        List<String> predecessors = new ArrayList<>();
        collectPredecessors(club, predecessors);
        List<String> successors = new ArrayList<>();
        for (Club c = club; c.lineage().successorId() != null && !successors.contains(c.lineage().successorId()); ) {
            successors.add(c.lineage().successorId());
            c = registry.get(c.lineage().successorId());
        }
        return new Lineage(club.id(), club.state().value(), predecessors, successors);
    }

    private void collectPredecessors(Club club, List<String> into) {
        for (String id : club.lineage().predecessorIds()) {
            if (!into.contains(id)) {
                into.add(id);
                registry.find(id).ifPresent(p -> collectPredecessors(p, into));
            }
        }
    }
}
