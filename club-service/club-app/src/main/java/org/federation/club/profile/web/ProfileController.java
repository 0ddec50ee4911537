package org.federation.club.profile.web;

import org.federation.club.ClubResources;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.federation.club.contracts.ClubProfileUpdated;
import org.federation.club.profile.application.SharedProfile;
import org.federation.club.profile.domain.InformationRequest;
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

/**
 * The shared club profile (every fact with who set it, when and from where; its history and
 * as-of values) and departments' information requests, answered from the profile where it is
 * fresh and by the club only for the rest.
 */
@RestController
@Validated
class ProfileController {

    private final SharedProfile profile;
    private final ClubRegistry registry;

    ProfileController(SharedProfile profile, ClubRegistry registry) {
        this.profile = profile;
        this.registry = registry;
    }

    record RequestBodyJson(@NotBlank @Size(max = 40) String department, @NotBlank @Size(max = 300) String title,
                           @NotEmpty @Size(max = 20) List<@NotBlank String> fields,
                           @NotNull @Min(0) @Max(3650) Integer maxAgeDays, @NotNull Instant deadline,
                           @Size(max = 500) List<@NotBlank String> clubIds) {
    }

    record Answers(@NotEmpty @Size(max = 20) Map<@NotBlank String, @NotBlank @Size(max = 5000) String> answers) {
    }

    /** A club's profile now: each field's value with its provenance. */
    record ProfileView(String clubId, String name, Map<String, ClubProfileUpdated.Fact> facts) {
    }

    /** A field's history in the supplied profile, and its value at {@code asOf} (if asked). */
    record FieldHistory(String clubId, String field, List<ClubProfileUpdated.Fact> history, Instant asOf,
                        ClubProfileUpdated.Fact valueAsOf) {
    }

    @GetMapping("/api/clubs/{clubId}/profile")
    ProfileView profile(@PathVariable String clubId, Caller caller) {
        Club club = insiderOrStaff(clubId, caller);
        return new ProfileView(club.id(), club.name(), profile.known(club));
    }

    @GetMapping("/api/clubs/{clubId}/profile/history")
    FieldHistory history(@PathVariable String clubId, @RequestParam @NotBlank @Size(max = 40) String field,
                         @RequestParam(required = false) Instant asOf, Caller caller) {
        insiderOrStaff(clubId, caller);
        var facts = profile.history(clubId);
        return new FieldHistory(clubId, field, facts.historyOf(field), asOf,
                asOf == null ? null : facts.asOf(field, asOf).orElse(null));
    }

    @PostMapping("/api/information-requests")
    ResponseEntity<InformationRequest> open(@Valid @RequestBody RequestBodyJson body, Caller caller) {
        InformationRequest request = profile.open(body.department(), body.title().strip(), body.fields(),
                Duration.ofDays(body.maxAgeDays()), body.deadline(), body.clubIds(), caller);
        return ResponseEntity.created(URI.create("/api/information-requests/" + request.id())).body(request);
    }

    @GetMapping("/api/information-requests")
    PageOf<InformationRequest> requests(@RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size,
                                        Caller caller) {
        Remit.requireReads(caller, ClubResources.INFORMATION_REQUESTS, "the list of information requests");
        return profile.requests(null, page, size);
    }

    @GetMapping("/api/information-requests/{requestId}")
    InformationRequest request(@PathVariable String requestId, Caller caller) {
        InformationRequest request = profile.request(requestId);
        // the department that sent it follows its own request; the remit's departments read every request
        if (!caller.actsFor(request.department())) {
            Remit.requireReads(caller, ClubResources.INFORMATION_REQUESTS, "an information request across clubs");
        }
        return request;
    }

    /** One request as a club sees it: who asks, by when, and its own part. */
    record OwedRequest(String requestId, String department, String title, Instant deadline,
                       InformationRequest.ClubEntry club, boolean complete) {
        static OwedRequest of(InformationRequest request, String clubId) {
            InformationRequest.ClubEntry entry = request.entry(clubId);
            return new OwedRequest(request.id(), request.department(), request.title(), request.deadline(), entry,
                    entry.complete());
        }
    }

    /** What a club has been asked, request by request, with only its own part of each. */
    @GetMapping("/api/clubs/{clubId}/information-requests")
    PageOf<OwedRequest> ofClub(@PathVariable String clubId,
                                                @RequestParam(defaultValue = "0") @Min(0) int page,
                                                @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size,
                                                Caller caller) {
        Club club = registry.get(clubId);
        Remit.requireReadsClub(caller, ClubResources.INFORMATION_REQUESTS, club.isLedBy(caller.subject()), "the club\'s leaders",
                club.profile().liaisonOfficer(),
                "club " + clubId + "'s information requests");
        PageOf<InformationRequest> found = profile.requests(clubId, page, size);
        return new PageOf<>(found.items().stream().map(r -> OwedRequest.of(r, clubId)).toList(), page, size,
                found.totalItems());
    }

    @PostMapping("/api/information-requests/{requestId}/clubs/{clubId}/answers")
    OwedRequest answer(@PathVariable String requestId, @PathVariable String clubId, @Valid @RequestBody Answers body,
                       Caller caller) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        body.answers().forEach((field, value) -> answers.put(field.strip(), value.strip()));
        return OwedRequest.of(profile.answer(requestId, clubId, answers, caller), clubId);
    }

    private Club insiderOrStaff(String clubId, Caller caller) {
        Club club = registry.get(clubId);
        Remit.requireReadsClub(caller, ClubResources.PROFILES, club.includes(caller.subject()), club.profile().liaisonOfficer(),
                "club " + clubId + "'s profile");
        return club;
    }
}
