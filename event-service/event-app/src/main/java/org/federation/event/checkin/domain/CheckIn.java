package org.federation.event.checkin.domain;

import java.time.Instant;

/**
 * A person's check-in at an activity, once however often they scan: id = activity id + "|" + person.
 *
 * @param method    {@code credential} (a member credential scanned by an organiser), {@code code} (the person
 *                  typed the activity's rotating code) or {@code walk-in} (recorded by an organiser)
 * @param walkIn     whether the person came in without registering or was recorded as a walk-in at the
 *                   door: a walk-in is always one, even for a registered person
 * @param clubId     the club whose credential was scanned, or null
 * @param registered whether the person had a registration, so "registered and came as a walk-in" shows both facts;
 *                   null for check-ins stored before this was recorded
 */
public record CheckIn(String id, String activityId, String person, String method, boolean walkIn, String clubId,
                      Instant at, String recordedBy, Boolean registered) {

    /** The check-in of a person by a method; {@code registered} says whether they had a registration. */
    public static CheckIn of(String activityId, String person, String method, boolean registered, String clubId,
                             Instant at, String recordedBy) {
        boolean walkIn = WALK_IN.equals(method) || !registered;
        return new CheckIn(idOf(activityId, person), activityId, person, method, walkIn, clubId, at, recordedBy, registered);
    }

    /** The method of a person recorded at the door without a scan. */
    public static final String WALK_IN = "walk-in";

    public static String idOf(String activityId, String person) {
        return activityId + "|" + person;
    }
}
