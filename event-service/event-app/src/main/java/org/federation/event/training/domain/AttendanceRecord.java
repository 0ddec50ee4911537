package org.federation.event.training.domain;

import java.util.List;
import java.util.Objects;

/**
 * A trainee's attendance across a class's sessions and their attendance rate: sessions attended
 * (present or late) out of the sessions marked present, late or absent. Excused and unmarked
 * sessions do not count either way; with none counted the rate is null.
 *
 * @param statuses each session's status in session order, null where nothing was marked
 */
public record AttendanceRecord(Trainee trainee, List<String> statuses, int present, int late, int absent,
                               int excused, Double rate) {

    public AttendanceRecord {
        statuses = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(statuses));
    }

    /** Counts the statuses and works out the rate (rounded to three decimals). */
    public static AttendanceRecord of(Trainee trainee, List<String> statuses) {
        int present = count(statuses, AttendanceMark.PRESENT);
        int late = count(statuses, AttendanceMark.LATE);
        int absent = count(statuses, AttendanceMark.ABSENT);
        int excused = count(statuses, AttendanceMark.EXCUSED);
        int counted = present + late + absent;
        Double rate = counted == 0 ? null : Math.round(1000.0 * (present + late) / counted) / 1000.0;
        return new AttendanceRecord(trainee, statuses, present, late, absent, excused, rate);
    }

    private static int count(List<String> statuses, String status) {
        return (int) statuses.stream().filter(s -> Objects.equals(s, status)).count();
    }

    /** A trainee's status at one session, or null if nothing was marked. */
    public record AtSession(Trainee trainee, String status) {
    }
}
