package org.federation.club.contracts;

import java.util.List;

/**
 * {@code org.federation.federation.roster-changed.v1}: a federation department's people as they
 * are now (key = the department's name). Carries no {@code club}.
 *
 * @param department      {@code organization}, {@code finance}, {@code evaluation}, {@code publicity},
 *                        {@code external-relations}, {@code office}
 * @param head            the head (部长), or null if none is appointed
 * @param deputyHeads     deputy heads
 * @param members         members (委员)
 * @param liaisonOfficers the department's people who are liaison officers, with their clubs
 * @param change          what changed, in words
 */
public record RosterChanged(String department, Person head, List<Person> deputyHeads, List<Person> members,
                            List<LiaisonOfficer> liaisonOfficers, String change) {

    /** Someone on the federation's roster. */
    public record Person(String studentNumber, String name) {
    }

    /** A liaison officer and the clubs they relay for. */
    public record LiaisonOfficer(String studentNumber, String name, List<String> clubIds) {
    }
}
