package org.federation.event.training.domain;

import java.time.Instant;
import java.util.List;

/** A trainee's attendance at one session, as the organisers marked it (the last mark counts). */
public record AttendanceMark(int session, String studentNumber, String status, String markedBy, Instant markedAt) {

    public static final String PRESENT = "present";
    public static final String LATE = "late";
    public static final String ABSENT = "absent";
    public static final String EXCUSED = "excused";
    /** The statuses a mark may have. */
    public static final List<String> STATUSES = List.of(PRESENT, LATE, ABSENT, EXCUSED);

    /** Present or late: the trainee came. */
    public boolean attended() {
        return PRESENT.equals(status) || LATE.equals(status);
    }
}
