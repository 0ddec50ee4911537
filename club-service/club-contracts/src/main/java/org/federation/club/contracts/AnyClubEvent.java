package org.federation.club.contracts;

/**
 * What every event on {@code club.events} about a club has in common: the club's snapshot in a
 * field named {@code club}. A consumer that keeps a club directory reads any club event as this
 * and keeps the newest snapshot by sequence, whatever the event's type. Roster events (keyed by
 * department) have no {@code club}.
 */
public record AnyClubEvent(ClubSnapshot club) {

    /** Why the snapshot cannot be kept for an event with this subject, or null if it can. */
    public String problemFor(String subject) {
        if (club.id() == null || !club.id().equals(subject)) {
            return "club.id must be present and equal the event's subject " + subject;
        }
        if (club.name() == null || club.state() == null) {
            return "club.name and club.state are required";
        }
        return null;
    }
}
