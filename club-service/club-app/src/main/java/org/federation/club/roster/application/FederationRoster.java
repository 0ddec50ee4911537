package org.federation.club.roster.application;

import org.federation.platform.domain.BusinessClock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.federation.club.contracts.RosterChanged;
import org.federation.club.registry.application.OrganizationDepartment;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.roster.domain.Department;
import org.federation.club.roster.domain.Departments;
import org.federation.platform.problem.ForbiddenException;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.problem.StateConflictException;
import org.federation.platform.security.Caller;
import org.federation.platform.security.FederationRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The federation's own roster: the presidium appoints department heads, a department's head (or
 * the presidium) keeps its deputies and members, and the Organization Department assigns each
 * club's liaison officer from the roster. Every change publishes the department's whole roster.
 */
@Service
public class FederationRoster {

    private static final Logger log = LoggerFactory.getLogger(FederationRoster.class);

    private final Departments departments;
    private final Clubs clubs;
    private final BusinessClock clock;

    public FederationRoster(Departments departments, Clubs clubs, BusinessClock clock) {
        this.departments = departments;
        this.clubs = clubs;
        this.clock = clock;
    }

    public Department appointHead(String department, RosterChanged.Person head, Caller caller) {
        requireKnown(department);
        if (!caller.isPresidium()) {
            throw new ForbiddenException("department heads are appointed by the presidium");
        }
        return logged(change(department, d -> d.appointHead(head, caller.subject(), clock.instant()),
                head.studentNumber() + " appointed head", caller), caller);
    }

    public Department add(String department, RosterChanged.Person person, String role, Caller caller) {
        requireManager(department, caller);
        return logged(change(department, d -> recognised(d, caller).add(person, role, caller.subject(), clock.instant()),
                person.studentNumber() + " added as " + role, caller), caller);
    }

    public Department remove(String department, String studentNumber, Caller caller) {
        requireManager(department, caller);
        List<String> liaised = clubs.liaisedBy(List.of(studentNumber)).getOrDefault(studentNumber, List.of());
        if (!liaised.isEmpty()) {
            throw new StateConflictException(studentNumber + " is liaison officer of " + liaised
                    + "; assign those clubs another liaison officer first");
        }
        return logged(change(department, d -> recognised(d, caller).remove(studentNumber, caller.subject(), clock.instant()),
                studentNumber + " removed", caller), caller);
    }

    /**
     * Assigns the club's liaison officer, who must be on a department's roster; the departments of
     * the new and the previous officer publish their rosters with the clubs they now liaise for.
     */
    public Club assignLiaison(String clubId, String officer, Caller caller) {
        OrganizationDepartment.require(caller, "assigning liaison officers");
        Department department = departments.of(officer).orElseThrow(() -> new RuleViolationException("studentNumber",
                officer + " is on no department's roster; add them to a department first"));
        Club before = clubs.find(clubId).orElseThrow(() -> new ResourceNotFoundException("club", clubId));
        String previous = before.profile().liaisonOfficer();
        Club club = clubs.change(clubId, c -> c.assignLiaison(officer, caller.subject(), clock.instant())).state();
        republish(department.name(), "liaison for " + clubId + " assigned to " + officer, caller);
        if (previous != null && !Objects.equals(previous, officer)) {
            departments.of(previous).filter(d -> !d.name().equals(department.name()))
                    .ifPresent(d -> republish(d.name(), "liaison for " + clubId + " moved to " + officer, caller));
        }
        log.info("Club {} liaison officer: {} (was {}), assigned by {}", clubId, officer, previous, caller.subject());
        return club;
    }

    public List<Department> all() {
        return departments.all();
    }

    public Department get(String department) {
        requireKnown(department);
        return departments.find(department).orElse(Department.empty(department));
    }

    /** The department's roster as published, with its liaison officers' clubs. */
    public RosterChanged roster(Department department) {
        return department.roster(liaisons(department), null);
    }

    private void republish(String department, String change, Caller caller) {
        departments.change(department, d -> d.announced(liaisons(d), change, caller.subject()));
    }

    private Department change(String department, java.util.function.UnaryOperator<Department> change, String what,
                              Caller caller) {
        return departments.change(department, d -> {
            Department changed = change.apply(d);
            return changed.announced(liaisons(changed), what, caller.subject());
        });
    }

    /**
     * The roster and the token agree on who heads a department: a head whose token says
     * {@code DEPARTMENT_HEAD:<d>}, keeping a roster that names no head yet, is recorded as its head
     * (published with the change). A roster that names another head is left alone: the presidium
     * appoints heads, and the token still carries the department's rights (see docs/security.md).
     */
    private Department recognised(Department department, Caller caller) {
        if (department.head() != null || !caller.headsDepartment(department.name())) {
            return department;
        }
        log.info("Department {} names no head; recording {} whose token heads it", department.name(), caller.subject());
        return department.appointHead(new RosterChanged.Person(caller.subject(),
                caller.name() == null || caller.name().isBlank() ? caller.subject() : caller.name()),
                caller.subject(), clock.instant());
    }

    private Map<String, List<String>> liaisons(Department department) {
        return clubs.liaisedBy(department.people().map(RosterChanged.Person::studentNumber).toList());
    }

    private void requireManager(String department, Caller caller) {
        requireKnown(department);
        boolean head = caller.headsDepartment(department)
                || departments.find(department).map(d -> d.isHead(caller.subject())).orElse(false);
        if (!caller.isPresidium() && !head) {
            throw new ForbiddenException("the " + department + " department's people are kept by its head or the presidium");
        }
    }

    private static void requireKnown(String department) {
        if (!FederationRole.DEPARTMENTS.contains(department)) {
            throw new ResourceNotFoundException("department", department);
        }
    }

    private static Department logged(Department department, Caller caller) {
        log.info("Roster of {} changed by {}", department.name(), caller.subject());
        return department;
    }
}
