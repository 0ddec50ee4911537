package org.federation.club.registry.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Clubs;
import org.federation.platform.paging.PageOf;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Clubs on the platform: bringing existing clubs in, one or many, and reading them. */
@RestController
@RequestMapping("/api/clubs")
@Validated
class ClubController {

    private final ClubRegistry registry;
    private final Clubs clubs;
    private final ClubImport clubImport;

    ClubController(ClubRegistry registry, Clubs clubs, ClubImport clubImport) {
        this.registry = registry;
        this.clubs = clubs;
        this.clubImport = clubImport;
    }

    /** Registers one existing club; 201 with the club, 409 if the name is taken. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ClubView> register(@Valid @RequestBody ExistingClubRequest request, Principal principal) {
        Club club = registry.registerExisting(request.toExistingClub(), actor(principal));
        return ResponseEntity.created(URI.create("/api/clubs/" + club.id())).body(ClubView.of(club));
    }

    /** Imports many existing clubs from CSV (columns as {@link ExistingClubRequest}); reports each row. */
    @PostMapping(path = "/import", consumes = "text/csv")
    ImportReport importCsv(@RequestBody String csv, Principal principal) {
        return clubImport.importCsv(csv, actor(principal));
    }

    /** The same import, as a multipart upload of a file named {@code file}. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importFile(@RequestPart("file") MultipartFile file, Principal principal) throws IOException {
        return clubImport.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), actor(principal));
    }

    @GetMapping("/{id}")
    ClubView get(@PathVariable String id) {
        return ClubView.of(registry.get(id));
    }

    /** Clubs, newest on the platform first. */
    @GetMapping
    PageOf<ClubView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        PageOf<Club> found = clubs.newestFirst(page, size);
        return new PageOf<>(found.items().stream().map(ClubView::of).toList(), page, size, found.totalItems());
    }

    private static String actor(Principal principal) {
        return principal == null ? "anonymous" : principal.getName();
    }
}
