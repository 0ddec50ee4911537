package org.federation.club.registration.application;

import org.federation.platform.domain.BusinessClock;
import java.time.Instant;
import java.util.List;

import org.federation.club.contracts.ClubProfileUpdated;
import org.federation.club.registry.application.OrganizationDepartment;
import org.federation.club.profile.application.SharedProfile;
import org.federation.club.registration.domain.RegistrationWindow;
import org.federation.club.registration.domain.RegistrationWindows;
import org.federation.club.registry.domain.AnnualRegistration;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.RegistrationChanges;
import org.federation.platform.domain.Decision;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The annual registration: the Organization Department opens a window per academic year, each
 * club's leaders confirm what the federation knows (entering only changes), a late registration
 * waits for the department, and at the deadline every club that did not register becomes
 * unregistered. What a registration changes of the club's profile facts joins the profile's
 * as-of history (who, when, which registration) and answers pending information requests.
 */
@Service
public class AnnualRegistrations {

    private static final Logger log = LoggerFactory.getLogger(AnnualRegistrations.class);

    private final RegistrationWindows windows;
    private final Clubs clubs;
    private final BusinessClock clock;
    private final SharedProfile profile;

    public AnnualRegistrations(RegistrationWindows windows, Clubs clubs, BusinessClock clock, SharedProfile profile) {
        this.profile = profile;
        this.windows = windows;
        this.clubs = clubs;
        this.clock = clock;
    }

    public RegistrationWindow open(String academicYear, Instant deadline, Caller caller) {
        OrganizationDepartment.require(caller, "opening the annual registration");
        Decision<RegistrationWindow> opened = RegistrationWindow.open(academicYear, deadline, caller.subject(),
                clock.instant());
        windows.open(opened);
        RegistrationWindow window = opened.state();
        log.info("Registration for {} opened by {}, deadline {}", academicYear, caller.subject(), deadline);
        return window;
    }

    public RegistrationWindow window(String academicYear) {
        RegistrationWindow.requireAcademicYear(academicYear);
        return windows.find(academicYear).orElseThrow(() -> new ResourceNotFoundException("registration window", academicYear));
    }

    public List<RegistrationWindow> windows() {
        return windows.all();
    }

    /** A leader of the club registers it for the year; after the deadline it waits for acceptance. */
    public Club register(String clubId, String academicYear, RegistrationChanges changes, Caller caller) {
        RegistrationWindow window = window(academicYear);
        Instant now = clock.instant();
        if (!window.isOpenAt(now)) {
            throw new StateConflictException("the registration for " + academicYear + " opens at " + window.opensAt());
        }
        Club[] before = new Club[1]; // the state the stored decision was made on (the last try's)
        Decision<Club> change = clubs.change(clubId, club -> {
            before[0] = club;
            if (!club.isLedBy(caller.subject())) {
                throw new ForbiddenException("only club " + clubId + "'s leaders register it");
            }
            return club.register(academicYear, changes, window.beforeDeadline(now), caller.subject(), now);
        });
        log.info("Club {} registration for {} submitted by {}{}", clubId, academicYear, caller.subject(),
                window.beforeDeadline(now) ? "" : " (late: awaiting the Organization Department)");
        profile.learn(before[0], clubId, changedFacts(change.state(), academicYear, caller.subject(), now),
                caller.subject());
        return change.state();
    }

    /**
     * The profile facts the registration changed, with the registering leader, the time and the registration as their
     * source (the member count is kept current by the memberships themselves and is not a fact of its own here).
     */
    private static List<ClubProfileUpdated.Fact> changedFacts(Club club, String academicYear, String by, Instant at) {
        List<String> changed = club.registrations().forYear(academicYear).map(AnnualRegistration::changedFields)
                .orElse(List.of());
        String source = "registration " + academicYear;
        List<ClubProfileUpdated.Fact> facts = new java.util.ArrayList<>();
        for (String field : changed) {
            String value = switch (field) {
                case "contact" -> club.contact();
                case "category" -> club.category().value();
                case "facultyAdvisor" -> club.profile().facultyAdvisor();
                default -> null;
            };
            if (value != null) {
                facts.add(new ClubProfileUpdated.Fact(field, value, by, at, source));
            }
        }
        return facts;
    }

    /** The Organization Department accepts a late registration. */
    public Club acceptLate(String clubId, String academicYear, Caller caller) {
        OrganizationDepartment.require(caller, "accepting a late registration");
        window(academicYear);
        return clubs.change(clubId, club -> club.acceptLateRegistration(academicYear, caller.subject(), clock.instant()))
                .state();
    }

    /**
     * Marks every live club without a registration that counts as unregistered, for each window
     * whose deadline passed. Safe to run on several instances at once: a club already marked for
     * the year is left alone.
     */
    public int markMissed(Instant now) {
        int marked = 0;
        for (RegistrationWindow window : windows.all()) {
            if (!window.missedAreDueAt(now)) {
                continue;
            }
            for (String clubId : clubs.idsInStates(List.of(ClubState.ACTIVE, ClubState.UNREGISTERED))) {
                Decision<Club> change = clubs.change(clubId, club -> club.missRegistration(window.academicYear(), now));
                if (!change.events().isEmpty()) {
                    marked++;
                    log.warn("Club {} '{}' missed the registration deadline for {} and is now unregistered", clubId,
                            change.state().name(), window.academicYear());
                }
            }
            windows.markMissed(window.missedMarked(now));
        }
        return marked;
    }
}
