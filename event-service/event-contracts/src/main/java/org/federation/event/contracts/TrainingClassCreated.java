package org.federation.event.contracts;

/**
 * A federation department (or the presidium) opened a training class with its first sessions.
 * Actor = who opened it.
 *
 * @param trainingClass the new class
 */
public record TrainingClassCreated(TrainingClassSnapshot trainingClass) {
}
