package org.federation.club.activity.domain;

import java.util.List;

/**
 * What a club's record shows for an academic year: the activities it held (organised alone or
 * jointly) and how their summary reports stand. The evaluation derives "activities held" and
 * "report compliance" from it.
 */
public record YearOfActivities(String clubId, String academicYear, List<ClubActivity> held) {

    public YearOfActivities {
        held = List.copyOf(held);
    }

    public long reports(ClubActivity.ReportStatus status) {
        return held.stream().filter(a -> a.reportStatus() == status).count();
    }

    /** Reports that were due: on time, late or overdue (not those still awaited before their due date). */
    public long reportsDue() {
        return held.size() - reports(ClubActivity.ReportStatus.AWAITED);
    }
}
