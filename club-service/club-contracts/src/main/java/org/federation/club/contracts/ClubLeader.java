package org.federation.club.contracts;

/**
 * A club leader as the federation knows them.
 *
 * @param studentNumber the person's student number, which is the subject of their token
 * @param name          display name
 * @param role          {@code president}, {@code vice-president}, {@code treasurer}, …
 */
public record ClubLeader(String studentNumber, String name, String role) {
}
