package org.federation.club.contracts;

/**
 * A club moved from one lifecycle state to another (suspended, reinstated, registration missed,
 * dissolution requested, dissolved).
 *
 * @param club          the club's snapshot after the change
 * @param previousState the state before
 * @param reason        why, as the actor gave it (or the rule that applied)
 */
public record ClubStateChanged(ClubSnapshot club, String previousState, String reason) {
}
