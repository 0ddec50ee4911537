package org.federation.notification.routing.domain;

import java.util.List;

/**
 * What an incoming event comes to as a notice, before its recipients are resolved.
 *
 * @param cause       what makes each recipient's notice unique: the event id, or a shared id (a merger's) when
 *                    several events tell one story
 * @param kind        the notice kind (see {@link NoticeKinds}); its subscribers receive it
 * @param clubIds     clubs it is about: their leaders (or, with {@link ClubReach#MEMBERS}, everyone in them)
 *                    receive it, unless they opted out
 * @param persons     people it concerns directly (initiators, panel members, outgoing leaders), as numbers
 * @param allClubs    true if it concerns every club (their leaders receive it), e.g. a registration opening
 * @param clubReach   who in {@code clubIds}' clubs receives it
 * @param departments departments it concerns directly (the organiser of a programme), whatever their subscriptions
 */
public record Routed(String cause, String kind, String title, String body, String subjectRef, List<String> clubIds,
                     List<String> persons, boolean allClubs, ClubReach clubReach, List<String> departments) {

    /** Who in a club hears of an event about it. */
    public enum ClubReach {
        /** the club's leaders (lifecycle, reports) */
        LEADERS,
        /** the club's members and leaders (its activities) */
        MEMBERS
    }

    public Routed {
        clubReach = clubReach == null ? ClubReach.LEADERS : clubReach;
        departments = departments == null ? List.of() : departments;
    }

    public Routed(String cause, String kind, String title, String body, String subjectRef, List<String> clubIds,
                  List<String> persons, boolean allClubs) {
        this(cause, kind, title, body, subjectRef, clubIds, persons, allClubs, ClubReach.LEADERS, List.of());
    }

    public Routed(String cause, String kind, String title, String body, String subjectRef, List<String> clubIds,
                  List<String> persons) {
        this(cause, kind, title, body, subjectRef, clubIds, persons, false);
    }

    /** The same notice, also for {@code more} people (each still gets it once). */
    public Routed alsoFor(List<String> more) {
        List<String> all = new java.util.ArrayList<>(persons == null ? List.of() : persons);
        more.stream().filter(p -> !all.contains(p)).forEach(all::add);
        return new Routed(cause, kind, title, body, subjectRef, clubIds, List.copyOf(all), allClubs, clubReach, departments);
    }
}
