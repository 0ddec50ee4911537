package org.federation.event.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A training class as its events carry it (keyed by the class id, {@code tc-…}, on
 * {@code activity.events}; it is not an activity, so activity directories skip it). Who the
 * trainees are is not in it: each enrolment is its own {@link TraineeEnrolled}.
 *
 * @param organiser  the organising department ({@code organization}, …) or {@code presidium}
 * @param activityId the approved activity the class belongs to, or null
 * @param enrolled   how many trainees are enrolled now
 */
public record TrainingClassSnapshot(String id, String title, String organiser, String activityId, int capacity,
                                    List<Session> sessions, int enrolled, String createdBy, Instant createdAt) {

    /** One session: numbered 1, 2, … in the order they were added. */
    public record Session(int number, Instant start, Instant end, String venue, String topic) {
    }
}
