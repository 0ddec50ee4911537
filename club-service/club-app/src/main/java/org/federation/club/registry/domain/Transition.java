package org.federation.club.registry.domain;

import java.time.Instant;

/**
 * One step of a club's history: what happened, the states before and after, who did it, when and
 * why. Nothing happens to a club without one, so a skipped or late step is visible.
 */
public record Transition(String action, String from, String to, String actor, Instant at, String reason) {
}
