package org.federation.club.activity.application;

import org.federation.platform.domain.BusinessClock;
import org.federation.club.ClubResources;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.federation.club.activity.domain.ActivityRecords;
import org.federation.club.activity.domain.ClubActivity;
import org.federation.club.activity.domain.YearOfActivities;
import org.federation.club.registration.domain.RegistrationWindow;
import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.Club;
import org.federation.platform.security.Caller;
import org.federation.platform.security.Remit;
import org.springframework.stereotype.Service;

/**
 * A club's activity record per academic year, kept from {@code activity.events}: the activities it
 * held, their reports, and who of its people attended them (member retention and evaluation).
 */
@Service
public class ActivityRecord {

    /** One activity a member attended. */
    public record Attended(String activityId, String title, Instant start, Instant end) {
    }

    /** A member's attendance at the club's activities held in a year. */
    public record MemberAttendance(String clubId, String studentNumber, String academicYear, int held, int attendedCount,
                                   List<Attended> attended) {
    }

    private final ActivityRecords records;
    private final ClubRegistry registry;
    private final BusinessClock clock;

    ActivityRecord(ActivityRecords records, ClubRegistry registry, BusinessClock clock) {
        this.records = records;
        this.registry = registry;
        this.clock = clock;
    }

    /** The activities the club held in {@code academicYear} (by their start), soonest first. */
    public YearOfActivities yearOf(String clubId, String academicYear) {
        Instant now = clock.instant();
        return new YearOfActivities(clubId, academicYear, records.organisedBy(clubId).stream()
                .filter(a -> a.heldBy(now) && academicYear.equals(a.academicYear()))
                .sorted(Comparator.comparing(ClubActivity::start)).toList());
    }

    /** The club's held activities of the year for its leaders and the federation's staff. */
    public YearOfActivities yearOf(String clubId, String academicYear, Caller caller) {
        RegistrationWindow.requireAcademicYear(academicYear);
        Club club = registry.get(clubId);
        Remit.requireReadsClub(caller, ClubResources.ACTIVITY_RECORDS, club.isLedBy(caller.subject()), "the club\'s leaders",
                club.profile().liaisonOfficer(),
                "club " + clubId + "'s activity record");
        return yearOf(clubId, academicYear);
    }

    /** Which of the club's activities held in the year a person attended: for the club's leaders, staff and the person. */
    public MemberAttendance attendance(String clubId, String studentNumber, String academicYear, Caller caller) {
        RegistrationWindow.requireAcademicYear(academicYear);
        Club club = registry.get(clubId);
        Remit.requireReadsClub(caller, ClubResources.ACTIVITY_RECORDS, club.isLedBy(caller.subject()) || caller.is(studentNumber),
                club.profile().liaisonOfficer(),
                "attendance of " + studentNumber + " in club " + clubId);
        YearOfActivities year = yearOf(clubId, academicYear);
        List<Attended> attended = year.held().stream().filter(a -> a.attendees().contains(studentNumber))
                .map(a -> new Attended(a.id(), a.title(), a.start(), a.end())).toList();
        return new MemberAttendance(clubId, studentNumber, academicYear, year.held().size(), attended.size(), attended);
    }

    /** The academic year running now. */
    public String currentYear() {
        return ClubActivity.academicYearOf(clock.instant());
    }
}
