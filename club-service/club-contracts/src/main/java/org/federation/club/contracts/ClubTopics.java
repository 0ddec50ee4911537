package org.federation.club.contracts;

/** Where club-service publishes. */
public final class ClubTopics {

    /** Every club's lifecycle and profile, and the federation's roster. Key = club id (department name for roster events). */
    public static final String CLUB_EVENTS = "club.events";

    private ClubTopics() {
    }
}
