package org.federation.club.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.federation.platform.domain.FederationCalendar;
import org.federation.platform.problem.StateConflictException;

/**
 * Who belonged to the club when: one period per membership, so the roster of any day (or term)
 * can be told, and members who drift away stay visible. It is the only record of membership: the
 * current members are the open periods, less the club's current leaders (a member elected leader
 * keeps their period open, and is a member again when they step down).
 */
public record Memberships(List<Period> periods) {

    /**
     * One membership.
     *
     * @param joinedOn null for members the club had before it came onto the platform
     * @param leftAt   when the membership ended (and the member's credentials were revoked); null while still a member
     * @param how      {@code left}, {@code removed}; null while still a member
     */
    public record Period(String studentNumber, String name, LocalDate joinedOn, Instant leftAt, String how,
                         String reason) {

        public boolean activeOn(LocalDate day) {
            return (joinedOn == null || !joinedOn.isAfter(day))
                    && (leftAt == null || FederationCalendar.dayOf(leftAt).isAfter(day));
        }

        boolean isOpen() {
            return leftAt == null;
        }

        Period closed(Instant at, String how, String reason) {
            return new Period(studentNumber, name, joinedOn, at, how, reason);
        }
    }

    public Memberships {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** The members a club starts with (known from import or its founding), joined on {@code since} (null: before the platform). */
    static Memberships founding(List<String> members, LocalDate since) {
        return new Memberships(members.stream().distinct().map(m -> new Period(m, null, since, null, null, null)).toList());
    }

    /**
     * The current members, in the order they joined: everyone with an open period who does not
     * lead the club now.
     */
    public List<String> members(Collection<String> leaders) {
        Set<String> members = new LinkedHashSet<>();
        periods.stream().filter(Period::isOpen).map(Period::studentNumber).filter(n -> !leaders.contains(n))
                .forEach(members::add);
        return List.copyOf(members);
    }

    /** Whether the student holds an open membership (a leader elected from the members does too). */
    boolean isOpenFor(String studentNumber) {
        return periods.stream().anyMatch(p -> p.isOpen() && p.studentNumber().equals(studentNumber));
    }

    /** A student joins on {@code on}; one who already holds an open membership keeps it (a retry, a leader stepping down). */
    Memberships joined(String studentNumber, String name, LocalDate on) {
        if (isOpenFor(studentNumber)) {
            return this;
        }
        List<Period> all = new ArrayList<>(periods);
        all.add(new Period(studentNumber, name, on, null, null, null));
        return new Memberships(all);
    }

    /** Each of these students is a member from {@code on} unless they already are. */
    Memberships joinedAll(Collection<String> studentNumbers, LocalDate on) {
        Memberships all = this;
        for (String studentNumber : studentNumbers) {
            all = all.joined(studentNumber, null, on);
        }
        return all;
    }

    /**
     * The member's open membership ends at {@code at}: they left, or the leaders removed them.
     *
     * @throws StateConflictException if the student is not a member of the club now
     */
    Memberships left(String clubId, Collection<String> leaders, String studentNumber, Instant at, String how,
                     String reason) {
        if (!members(leaders).contains(studentNumber)) {
            throw new StateConflictException(studentNumber + " is not a member of club " + clubId);
        }
        return new Memberships(periods.stream().map(p -> p.isOpen() && p.studentNumber().equals(studentNumber)
                ? p.closed(at, how, reason) : p).toList());
    }

    /** When this student's membership last ended (their credentials were revoked then), or null. */
    public Instant lastLeft(String studentNumber) {
        return lastEnded(studentNumber).map(Period::leftAt).orElse(null);
    }

    /** This student's membership that ended last (the one a leaving just closed), if any. */
    public Optional<Period> lastEnded(String studentNumber) {
        return periods.stream().filter(p -> p.studentNumber().equals(studentNumber) && p.leftAt() != null)
                .max(Comparator.comparing(Period::leftAt));
    }

    /** The members on a given day. */
    public List<Period> on(LocalDate day) {
        return periods.stream().filter(p -> p.activeOn(day)).toList();
    }

    /**
     * Reconciles a club stored before the member list was derived from the periods, when both were
     * kept: the stored list was the authority on who is a member now. A listed member without an
     * open period gets one (joined before the platform knew: a leader who stepped down by an open
     * recruitment was listed without one), and an open period of someone neither listed nor leading
     * is closed as their last leaving was (a leaving used to close one of two open periods). For a
     * club stored since, the list is derived from the periods and this changes nothing.
     */
    public static Memberships fromStored(List<Period> stored, List<String> listedMembers, Collection<String> leaders) {
        if (stored == null) {
            // stored before memberships were tracked: the list was all there was
            return founding(listedMembers, null);
        }
        Memberships memberships = new Memberships(stored);
        List<Period> all = new ArrayList<>();
        for (Period p : memberships.periods()) {
            boolean stray = p.isOpen() && !listedMembers.contains(p.studentNumber()) && !leaders.contains(p.studentNumber());
            Optional<Period> ending = stray ? memberships.lastEnded(p.studentNumber()) : Optional.empty();
            all.add(ending.map(e -> p.closed(e.leftAt(), e.how(), e.reason())).orElse(p));
        }
        Memberships closed = new Memberships(all);
        for (String member : listedMembers) {
            closed = closed.joined(member, null, null);
        }
        return closed;
    }
}
