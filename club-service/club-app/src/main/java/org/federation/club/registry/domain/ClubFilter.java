package org.federation.club.registry.domain;

/**
 * Which clubs a list shows; null fields do not filter.
 *
 * @param registeredFor an academic year: only clubs whose registration for it counts
 * @param unregisteredFor an academic year: only live clubs whose registration for it does not count
 * @param nameContains    text the club's name contains, ignoring case
 */
public record ClubFilter(ClubState state, ClubCategory category, String registeredFor, String unregisteredFor,
                         String nameContains) {

    public static ClubFilter all() {
        return new ClubFilter(null, null, null, null, null);
    }
}
