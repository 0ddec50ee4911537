package org.federation.club.registration.web;

import org.federation.club.ClubResources;
import java.time.Instant;
import java.util.List;

import org.federation.club.registration.application.AnnualRegistrations;
import org.federation.club.registration.domain.RegistrationWindow;
import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.AnnualRegistration;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubCategory;
import org.federation.club.registry.domain.Leader;
import org.federation.club.registry.domain.RegistrationChanges;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The annual registration: windows per academic year (opened by the Organization Department),
 * each club's prefilled form and its registration (by its leaders), and late acceptance.
 */
@RestController
@Validated
class RegistrationController {

    private static final String YEAR = "\\d{4}-\\d{4}";
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private final AnnualRegistrations registrations;
    private final ClubRegistry registry;

    RegistrationController(AnnualRegistrations registrations, ClubRegistry registry) {
        this.registrations = registrations;
        this.registry = registry;
    }

    record OpenWindowRequest(@NotNull @Pattern(regexp = YEAR, message = "must look like 2026-2027") String academicYear,
                             @NotNull Instant deadline) {
    }

    /**
     * What a club changes while registering: every field optional; what is left out is confirmed
     * as the federation already knows it.
     */
    record RegistrationRequest(@Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String contact,
                               ClubCategory category,
                               @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String facultyAdvisor,
                               @PositiveOrZero @Max(100000) Integer memberCount) {
        RegistrationChanges toChanges() {
            return new RegistrationChanges(contact, category, facultyAdvisor, memberCount);
        }
    }

    /** The form a club registers with, prefilled with what the federation already knows. */
    record RegistrationForm(String clubId, String academicYear, Instant deadline, String name, String category,
                            String contact, String facultyAdvisor, List<Leader> leaders, int memberCount,
                            String status, AnnualRegistration submitted) {
    }

    @PostMapping("/api/registration-windows")
    @ResponseStatus(HttpStatus.CREATED)
    RegistrationWindow open(@Valid @RequestBody OpenWindowRequest body, Caller caller) {
        return registrations.open(body.academicYear(), body.deadline(), caller);
    }

    @GetMapping("/api/registration-windows")
    List<RegistrationWindow> windows() {
        return registrations.windows();
    }

    @GetMapping("/api/registration-windows/{academicYear}")
    RegistrationWindow window(@PathVariable String academicYear) {
        return registrations.window(academicYear);
    }

    @GetMapping("/api/clubs/{clubId}/registrations/{academicYear}")
    RegistrationForm form(@PathVariable String clubId, @PathVariable String academicYear, Caller caller) {
        RegistrationWindow window = registrations.window(academicYear);
        Club club = registry.get(clubId);
        Remit.requireReadsClub(caller, ClubResources.REGISTRATIONS, club.isLedBy(caller.subject()), "the club\'s leaders",
                club.profile().liaisonOfficer(),
                "club " + clubId + "'s registration");
        return form(club, window);
    }

    @PostMapping("/api/clubs/{clubId}/registrations/{academicYear}")
    RegistrationForm register(@PathVariable String clubId, @PathVariable String academicYear,
                              @Valid @RequestBody RegistrationRequest body, Caller caller) {
        Club club = registrations.register(clubId, academicYear, body.toChanges(), caller);
        return form(club, registrations.window(academicYear));
    }

    @PostMapping("/api/clubs/{clubId}/registrations/{academicYear}/acceptance")
    RegistrationForm acceptLate(@PathVariable String clubId, @PathVariable String academicYear, Caller caller) {
        Club club = registrations.acceptLate(clubId, academicYear, caller);
        return form(club, registrations.window(academicYear));
    }

    private static RegistrationForm form(Club club, RegistrationWindow window) {
        AnnualRegistration submitted = club.registrations().forYear(window.academicYear()).orElse(null);
        String status = submitted == null
                ? club.registrations().missedYears().contains(window.academicYear()) ? "missed" : "due"
                : submitted.accepted() ? "registered" : "late-awaiting-acceptance";
        return new RegistrationForm(club.id(), window.academicYear(), window.deadline(), club.name(),
                club.category().value(), club.contact(), club.profile().facultyAdvisor(), club.leaders(),
                submitted != null ? submitted.memberCount() : club.memberStudentNumbers().size(), status, submitted);
    }
}
