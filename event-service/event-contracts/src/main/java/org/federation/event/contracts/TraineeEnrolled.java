package org.federation.event.contracts;

import java.time.Instant;

/**
 * A student was enrolled in a training class (again, if they had withdrawn). Actor = the organiser
 * who enrolled them.
 *
 * @param trainingClass the class after the enrolment ({@code enrolled} counts this trainee)
 * @param studentNumber the trainee
 * @param clubId        the club they come from
 * @param team          their team within the class, or null
 * @param enrolledAt    when
 */
public record TraineeEnrolled(TrainingClassSnapshot trainingClass, String studentNumber, String clubId, String team,
                              Instant enrolledAt) {
}
