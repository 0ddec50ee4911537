package org.federation.club.registration.domain;

import java.time.Instant;
import java.util.regex.Pattern;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.RegistrationOpened;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.problem.RuleViolationException;

/**
 * The annual registration for one academic year: from when clubs may register, and the deadline
 * after which a club that has not registered becomes unregistered.
 *
 * @param missedMarkedAt when the clubs that missed the deadline were marked, or null if not yet
 */
public record RegistrationWindow(String academicYear, Instant opensAt, Instant deadline, String openedBy,
                                 Instant openedAt, Instant missedMarkedAt) {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    /** Opens the registration for a year ({@code registration-opened}); the deadline must lie ahead. */
    public static Decision<RegistrationWindow> open(String academicYear, Instant deadline, String actor, Instant now) {
        requireAcademicYear(academicYear);
        if (!deadline.isAfter(now)) {
            throw new RuleViolationException("deadline", "the deadline must be in the future (it is " + deadline + ")");
        }
        RegistrationWindow window = new RegistrationWindow(academicYear, now, deadline, actor, now, null);
        return Decision.of(window, new DomainEvent(ClubEventTypes.REGISTRATION_OPENED, actor, window.opened()));
    }

    /** An academic year is written {@code 2026-2027}: two consecutive years. */
    public static void requireAcademicYear(String academicYear) {
        var matcher = YEAR.matcher(academicYear == null ? "" : academicYear);
        if (!matcher.matches() || Integer.parseInt(matcher.group(2)) != Integer.parseInt(matcher.group(1)) + 1) {
            throw new RuleViolationException("academicYear",
                    "an academic year is written as two consecutive years, e.g. 2026-2027 (got '" + academicYear + "')");
        }
    }

    public boolean isOpenAt(Instant now) {
        return !now.isBefore(opensAt);
    }

    public boolean beforeDeadline(Instant now) {
        return !now.isAfter(deadline);
    }

    /** The deadline passed and the clubs that missed it still have to be marked. */
    public boolean missedAreDueAt(Instant now) {
        return missedMarkedAt == null && now.isAfter(deadline);
    }

    public RegistrationWindow missedMarked(Instant now) {
        return new RegistrationWindow(academicYear, opensAt, deadline, openedBy, openedAt, now);
    }

    public RegistrationOpened opened() {
        return new RegistrationOpened(academicYear, deadline);
    }
}
