package org.federation.club.contracts;

/**
 * A student joined or left a club ({@code member-joined}, {@code member-left}).
 *
 * @param club          the snapshot after the change (its member list included)
 * @param studentNumber who joined or left
 * @param reason        for a departure: {@code left} or {@code removed}, with the reason given; null for a joining
 */
public record ClubMembershipChanged(ClubSnapshot club, String studentNumber, String reason) {
}
