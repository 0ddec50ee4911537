package org.federation.club.contracts;

/** The {@code ce_type} values club-service publishes on {@link ClubTopics#CLUB_EVENTS}. */
public final class ClubEventTypes {

    /**
     * A club enters the platform, imported (an existing club, with its original founding date) or
     * founded through a hearing. Payload: {@link ClubEstablished}.
     */
    public static final String ESTABLISHED = "org.federation.club.established.v1";

    private ClubEventTypes() {
    }
}
