package org.federation.club.registry.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Who belonged to the club when: one period per membership, so the roster of any day (or term)
 * can be told, and members who drift away stay visible.
 */
public record Memberships(List<Period> periods) {

    /**
     * One membership.
     *
     * @param joinedOn null for members the club had before it came onto the platform
     * @param leftAt   when the membership ended (and the member's credentials were revoked); null while still a member
     * @param how      {@code left}, {@code removed}; null while still a member
     */
    public record Period(String studentNumber, String name, LocalDate joinedOn, java.time.Instant leftAt, String how,
                         String reason) {

        public boolean activeOn(LocalDate day) {
            return (joinedOn == null || !joinedOn.isAfter(day))
                    && (leftAt == null || LocalDate.ofInstant(leftAt, java.time.ZoneOffset.UTC).isAfter(day));
        }
    }

    public Memberships {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    /** The members a club starts with (known from import or its founding), joined on {@code since} (null: before the platform). */
    static Memberships founding(List<String> members, LocalDate since) {
        return new Memberships(members.stream().map(m -> new Period(m, null, since, null, null, null)).toList());
    }

    Memberships joined(String studentNumber, String name, LocalDate on) {
        List<Period> all = new ArrayList<>(periods);
        all.add(new Period(studentNumber, name, on, null, null, null));
        return new Memberships(all);
    }

    Memberships left(String studentNumber, java.time.Instant at, String how, String reason) {
        List<Period> all = new ArrayList<>();
        boolean closed = false;
        for (Period p : periods) {
            if (!closed && p.studentNumber().equals(studentNumber) && p.leftAt() == null) {
                all.add(new Period(p.studentNumber(), p.name(), p.joinedOn(), at, how, reason));
                closed = true;
            } else {
                all.add(p);
            }
        }
        if (!closed) {
            all.add(new Period(studentNumber, null, null, at, how, reason));
        }
        return new Memberships(all);
    }

    /** When this student's membership last ended (their credentials were revoked then), or null. */
    public java.time.Instant lastLeft(String studentNumber) {
        return periods.stream().filter(p -> p.studentNumber().equals(studentNumber) && p.leftAt() != null)
                .map(Period::leftAt).max(java.time.Instant::compareTo).orElse(null);
    }

    /** This student's membership that ended last (the one a leaving just closed), if any. */
    public java.util.Optional<Period> lastEnded(String studentNumber) {
        return periods.stream().filter(p -> p.studentNumber().equals(studentNumber) && p.leftAt() != null)
                .max(java.util.Comparator.comparing(Period::leftAt));
    }

    /** The members on a given day. */
    public List<Period> on(LocalDate day) {
        return periods.stream().filter(p -> p.activeOn(day)).toList();
    }
}
