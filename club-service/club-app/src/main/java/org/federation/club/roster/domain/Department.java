package org.federation.club.roster.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.RosterChanged;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.StateConflictException;

/**
 * One of the federation's departments and its people: a head (部长), deputy heads (副部长) and
 * members (委员). Every change is published as {@code roster-changed} with the department's whole
 * roster, so other services keep their own copy.
 */
public record Department(String name, RosterChanged.Person head, List<RosterChanged.Person> deputyHeads,
                         List<RosterChanged.Person> members, Instant changedAt, String changedBy) {

    public static final String DEPUTY_HEAD = "deputy-head";
    public static final String MEMBER = "member";

    public Department {
        deputyHeads = deputyHeads == null ? List.of() : List.copyOf(deputyHeads);
        members = members == null ? List.of() : List.copyOf(members);
    }

    public static Department empty(String name) {
        return new Department(name, null, List.of(), List.of(), null, null);
    }

    /** The presidium appoints the head; a head who was a member or deputy is no longer listed there. */
    public Department appointHead(RosterChanged.Person person, String actor, Instant now) {
        return new Department(name, person, without(deputyHeads, person.studentNumber()),
                without(members, person.studentNumber()), now, actor);
    }

    /** Adds a deputy head or member (moving them if they held the other role). */
    public Department add(RosterChanged.Person person, String role, String actor, Instant now) {
        if (head != null && head.studentNumber().equals(person.studentNumber())) {
            throw new StateConflictException(person.studentNumber() + " is the head of " + name);
        }
        List<RosterChanged.Person> deputies = new ArrayList<>(without(deputyHeads, person.studentNumber()));
        List<RosterChanged.Person> plain = new ArrayList<>(without(members, person.studentNumber()));
        (DEPUTY_HEAD.equals(role) ? deputies : plain).add(person);
        return new Department(name, head, deputies, plain, now, actor);
    }

    /** Removes a deputy head or member. */
    public Department remove(String studentNumber, String actor, Instant now) {
        if (find(studentNumber).isEmpty() || head != null && head.studentNumber().equals(studentNumber)) {
            throw new StateConflictException(studentNumber + " is not a deputy head or member of " + name
                    + (head != null && head.studentNumber().equals(studentNumber) ? " (they are its head: appoint another)" : ""));
        }
        return new Department(name, head, without(deputyHeads, studentNumber), without(members, studentNumber), now, actor);
    }

    /** Everyone on the roster: head, deputies, members. */
    public Stream<RosterChanged.Person> people() {
        return Stream.concat(Stream.ofNullable(head), Stream.concat(deputyHeads.stream(), members.stream()));
    }

    public Optional<RosterChanged.Person> find(String studentNumber) {
        return people().filter(p -> p.studentNumber().equals(studentNumber)).findFirst();
    }

    public boolean isHead(String studentNumber) {
        return head != null && head.studentNumber().equals(studentNumber);
    }

    /**
     * This department's roster told to everyone ({@code roster-changed}): every change republishes
     * the whole roster, with the clubs each of its liaison officers looks after.
     */
    public Decision<Department> announced(Map<String, List<String>> clubsByOfficer, String change, String actor) {
        return Decision.of(this, new DomainEvent(ClubEventTypes.ROSTER_CHANGED, actor, roster(clubsByOfficer, change)));
    }

    /** The roster event, with the clubs each of the department's people liaises for. */
    public RosterChanged roster(Map<String, List<String>> clubsByOfficer, String change) {
        List<RosterChanged.LiaisonOfficer> liaisons = people().filter(p -> clubsByOfficer.containsKey(p.studentNumber()))
                .map(p -> new RosterChanged.LiaisonOfficer(p.studentNumber(), p.name(), clubsByOfficer.get(p.studentNumber())))
                .toList();
        return new RosterChanged(name, head, deputyHeads, members, liaisons, change);
    }

    private static List<RosterChanged.Person> without(List<RosterChanged.Person> people, String studentNumber) {
        return people.stream().filter(p -> !p.studentNumber().equals(studentNumber)).toList();
    }
}
