package org.federation.notification.directory;

import org.federation.notification.directory.infrastructure.People;

import org.federation.notification.directory.infrastructure.Departments;

import org.federation.notification.directory.infrastructure.ClubDirectory;

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

    public static final String PERSON = "person:";
    public static final String DEPARTMENT = "department:";

    private final ClubDirectory clubs;
    private final Departments departments;
    private final People people;

    Recipients(ClubDirectory clubs, Departments departments, People people) {
        this.clubs = clubs;
        this.departments = departments;
        this.people = people;
    }

    public static String person(String number) {
        return PERSON + number;
    }

    public static String department(String name) {
        return DEPARTMENT + name;
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
