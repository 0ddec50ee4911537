package org.federation.event.training.domain;

import java.time.Instant;

/**
 * A trainee of a training class: who they are, the club they come from (from event-service's club
 * directory), the team they work in during the class, and whether they are still enrolled.
 *
 * @param team the team within the class, or null if teams are not used
 */
public record Trainee(String studentNumber, String name, String clubId, String clubName, String team, String status,
                      Instant enrolledAt, Instant withdrawnAt) {

    public static final String ENROLLED = "enrolled";
    public static final String WITHDRAWN = "withdrawn";

    /** A new trainee, enrolled now. */
    public static Trainee enrolled(String studentNumber, String name, String clubId, String clubName, String team,
                                   Instant now) {
        return new Trainee(studentNumber, name, clubId, clubName, team, ENROLLED, now, null);
    }

    public boolean isEnrolled() {
        return ENROLLED.equals(status);
    }

    Trainee withdrawn(Instant now) {
        return new Trainee(studentNumber, name, clubId, clubName, team, WITHDRAWN, enrolledAt, now);
    }
}
