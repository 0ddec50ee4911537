package org.federation.event.contracts;

/**
 * A training class's plan changed. Actor = the organiser who changed it.
 *
 * @param trainingClass the class after the change
 * @param change        what changed: {@code session-added} (the last of {@code sessions} is new)
 */
public record TrainingClassChanged(TrainingClassSnapshot trainingClass, String change) {

    /** A session was added after the others. */
    public static final String SESSION_ADDED = "session-added";
}
