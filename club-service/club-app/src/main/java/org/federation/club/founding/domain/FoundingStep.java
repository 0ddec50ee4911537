package org.federation.club.founding.domain;

import java.time.Instant;

/**
 * One step of an application's history: what happened, the states before and after, who did it,
 * when, and a note. Nothing happens to an application without one.
 */
public record FoundingStep(String action, String from, String to, String actor, Instant at, String note) {
}
