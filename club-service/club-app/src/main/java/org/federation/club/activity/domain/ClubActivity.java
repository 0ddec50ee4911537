package org.federation.club.activity.domain;

import org.federation.platform.domain.FederationCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An activity as club-service knows it from {@code activity.events}: its organisers, time and
 * state, its summary report's fate, and who attended (as the organisers last published it).
 *
 * @param state      {@code approved} (published) or {@code cancelled}
 * @param report     {@code submitted}, {@code overdue}, or null while none is due or known
 * @param reportLate whether a submitted report came after its due date
 * @param attendees  the distinct student numbers checked in, from the newest published attendance
 */
public record ClubActivity(String id, String title, Instant start, Instant end, List<String> organiserClubIds,
                           String state, String report, Boolean reportLate, Integer attendance, List<String> attendees) {

    public static final String APPROVED = "approved";
    public static final String SUBMITTED = "submitted";
    public static final String OVERDUE = "overdue";

    /** How an activity's report stands, for report compliance. */
    public enum ReportStatus { ON_TIME, LATE, OVERDUE, AWAITED }

    public ClubActivity {
        organiserClubIds = organiserClubIds == null ? List.of() : List.copyOf(organiserClubIds);
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        reportLate = Boolean.TRUE.equals(reportLate);
        attendance = attendance == null ? 0 : attendance;
    }

    /** Held: published, not cancelled, and over by {@code now}. */
    public boolean heldBy(Instant now) {
        return APPROVED.equals(state) && end != null && end.isBefore(now);
    }

    public ReportStatus reportStatus() {
        if (SUBMITTED.equals(report)) {
            return reportLate ? ReportStatus.LATE : ReportStatus.ON_TIME;
        }
        return OVERDUE.equals(report) ? ReportStatus.OVERDUE : ReportStatus.AWAITED;
    }

    /** The academic year ({@code 2026-2027}, September to August, by the start's date in Beijing) it belongs to. */
    public String academicYear() {
        return academicYearOf(start);
    }

    public static String academicYearOf(Instant when) {
        LocalDate day = FederationCalendar.dayOf(when);
        int first = day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
        return first + "-" + (first + 1);
    }
}
