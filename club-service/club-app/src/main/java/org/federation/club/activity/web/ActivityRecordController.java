package org.federation.club.activity.web;

import org.federation.club.activity.application.ActivityRecord;
import org.federation.club.activity.domain.YearOfActivities;
import org.federation.platform.security.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A club's activity record from event-service's events: the activities it held in a year with
 * their reports, and a member's attendance (for retention, where the club's leaders see it).
 */
@RestController
@Validated
class ActivityRecordController {

    private final ActivityRecord record;

    ActivityRecordController(ActivityRecord record) {
        this.record = record;
    }

    /** The club's held activities in {@code year} (default: the academic year running now). */
    @GetMapping("/api/clubs/{clubId}/activity-record")
    YearOfActivities year(@PathVariable String clubId, @RequestParam(required = false) String year, Caller caller) {
        return record.yearOf(clubId, year == null ? record.currentYear() : year, caller);
    }

    /** Which of the club's activities held in {@code year} the person attended. */
    @GetMapping("/api/clubs/{clubId}/members/{studentNumber}/attendance")
    ActivityRecord.MemberAttendance attendance(@PathVariable String clubId, @PathVariable String studentNumber,
                                               @RequestParam(required = false) String year, Caller caller) {
        return record.attendance(clubId, studentNumber, year == null ? record.currentYear() : year, caller);
    }
}
