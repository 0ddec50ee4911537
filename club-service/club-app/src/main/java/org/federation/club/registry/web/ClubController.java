package org.federation.club.registry.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubCategory;
import org.federation.club.registry.domain.ClubFilter;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import jakarta.validation.constraints.Pattern;

/**
 * Clubs on the platform: bringing existing clubs in, one or many (the Organization Department's
 * remit, or the presidium's), and the public directory (open to anyone).
 */
@RestController
@RequestMapping("/api/clubs")
@Validated
class ClubController {

    /** The public club directory is open to anonymous callers (design, "Contracts"). */
    @Configuration(proxyBeanMethods = false)
    static class PublicDirectory {
        @Bean
        PublicEndpoints publicClubDirectory() {
            return PublicEndpoints.reading("/api/clubs", "/api/clubs/*", "/api/clubs/*/lineage");
        }
    }

    private static final String REGISTRAR = "organization";
    private static final String STATES = "active|unregistered|suspended|dissolving|dissolved|merged";
    private static final String CATEGORIES = "academic-technology|arts-culture|sports|volunteering|entrepreneurship|other";
    private static final String YEAR = "\\d{4}-\\d{4}";

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
    ResponseEntity<ClubView> register(@Valid @RequestBody ExistingClubRequest request, Caller caller) {
        requireRegistrar(caller);
        Club club = registry.registerExisting(request.toExistingClub(), caller.subject());
        return ResponseEntity.created(URI.create("/api/clubs/" + club.id())).body(ClubView.of(club));
    }

    /**
     * Imports many existing clubs from CSV (columns as {@link ExistingClubRequest}): all rows or
     * none; any bad row is a 422 naming every bad row and why.
     */
    @PostMapping(path = "/import", consumes = "text/csv")
    ImportReport importCsv(@RequestBody String csv, Caller caller) {
        requireRegistrar(caller);
        return clubImport.importCsv(csv, caller.subject());
    }

    /** The same import, as a multipart upload of a file named {@code file}. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importFile(@RequestPart("file") MultipartFile file, Caller caller) throws IOException {
        requireRegistrar(caller);
        return clubImport.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), caller.subject());
    }

    /** One club of the public directory. */
    @GetMapping("/{id}")
    ClubView get(@PathVariable String id) {
        return ClubView.of(registry.get(id));
    }

    /**
     * The public directory: clubs, newest on the platform first, optionally by name ({@code q}, any
     * part, ignoring case), state, category, and whether their registration for an academic year counts.
     */
    @GetMapping
    PageOf<ClubView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size,
                          @RequestParam(required = false) @Pattern(regexp = STATES, message = "must be one of " + STATES) String state,
                          @RequestParam(required = false) @Pattern(regexp = CATEGORIES, message = "must be one of " + CATEGORIES) String category,
                          @RequestParam(required = false) @Pattern(regexp = YEAR, message = "must look like 2026-2027") String registeredFor,
                          @RequestParam(required = false) @Pattern(regexp = YEAR, message = "must look like 2026-2027") String unregisteredFor,
                          @RequestParam(required = false) @jakarta.validation.constraints.Size(min = 1, max = 100) String q) {
        ClubFilter filter = new ClubFilter(state == null ? null : ClubState.fromValue(state).orElseThrow(),
                category == null ? null : ClubCategory.fromValue(category).orElseThrow(), registeredFor, unregisteredFor,
                q == null || q.isBlank() ? null : q.strip());
        PageOf<Club> found = clubs.newestFirst(filter, page, size);
        return new PageOf<>(found.items().stream().map(ClubView::of).toList(), page, size, found.totalItems());
    }

    private static void requireRegistrar(Caller caller) {
        if (!caller.actsFor(REGISTRAR)) {
            throw new ForbiddenException("bringing clubs onto the platform is the Organization Department's remit "
                    + "(or the presidium's); your roles are " + caller.roles());
        }
    }
}
