package org.federation.notification.directory.application;

import org.federation.notification.directory.domain.KnownClub;

import org.federation.notification.directory.domain.KnownPeople;

import org.federation.notification.directory.domain.KnownDepartments;

import org.federation.notification.directory.domain.KnownClubs;
import org.federation.notification.directory.domain.RecipientIds;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Resolves who is who from notification-service's own directory: a club's leaders, members and
 * liaison officer, a department's head, the liaison officers. Recipients are named
 * {@code person:<number>} or {@code department:<name>}.
 */
@Component
public class Recipients {

    public static final String PERSON = RecipientIds.PERSON;
    public static final String DEPARTMENT = RecipientIds.DEPARTMENT;

    private final KnownClubs clubs;
    private final KnownDepartments departments;
    private final KnownPeople people;

    Recipients(KnownClubs clubs, KnownDepartments departments, KnownPeople people) {
        this.clubs = clubs;
        this.departments = departments;
        this.people = people;
    }

    public static String person(String number) {
        return RecipientIds.person(number);
    }

    public static String department(String name) {
        return RecipientIds.department(name);
    }

    /** The club's liaison officer: as its snapshot names them, else as the roster assigns them. */
    public Optional<String> liaisonOf(String clubId) {
        return clubs.find(clubId).map(KnownClub::liaisonOfficer).or(() -> departments.rosterLiaisonOf(clubId));
    }

    /** The department's head(s) as persons; empty if nobody is known to head it yet. */
    public Set<String> headsOf(String department) {
        return departments.heads(department);
    }

    /** Every liaison officer known: named by a club, by a roster, or signed in with the role. */
    public Set<String> liaisonOfficers() {
        Set<String> officers = new LinkedHashSet<>(clubs.liaisonOfficers());
        officers.addAll(departments.rosterLiaisonOfficers());
        officers.addAll(people.liaisonOfficers());
        return officers;
    }

    public List<String> leadersOf(String clubId) {
        return clubs.find(clubId).map(KnownClub::leaders).orElse(List.of());
    }
}
