package org.federation.event.checkin.domain;

import java.time.Instant;

/**
 * A person's check-in at an activity, once however often they scan: id = activity id + "|" + person.
 *
 * @param method    {@code credential} (a member credential scanned by an organiser), {@code code} (the person
 *                  typed the activity's rotating code) or {@code walk-in} (recorded by an organiser)
 * @param walkIn    whether the person had no registration
 * @param clubId    the club whose credential was scanned, or null
 */
public record CheckIn(String id, String activityId, String person, String method, boolean walkIn, String clubId,
                      Instant at, String recordedBy) {

    public static String idOf(String activityId, String person) {
        return activityId + "|" + person;
    }
}
