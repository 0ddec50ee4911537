package org.federation.club.contracts;

import java.util.List;

/**
 * {@code org.federation.club.league-branch-changed.v1}: a club's youth-league branch (团支部) was
 * established or changed (key = {@code branch-<clubId>}; carries no {@code club}).
 *
 * @param branchId  {@code branch-<clubId>}
 * @param clubId    the club
 * @param state     {@code active} or {@code dissolved}
 * @param secretary the branch secretary's student number
 * @param members   the league members' student numbers (the secretary included)
 * @param awards    awards and titles, e.g. {@code red-flag-branch 2026}
 * @param change    what changed, in words
 */
public record LeagueBranchChanged(String branchId, String clubId, String state, String secretary, List<String> members,
                                  List<String> awards, String change) {
}
