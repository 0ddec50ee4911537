package org.federation.notification.routing.domain;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.federation.notification.directory.domain.KnownClub;
import org.federation.notification.directory.domain.RecipientIds;

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

    /**
     * The rule of who receives it: the kind's {@code subscribers}; the leaders of every club if it is
     * about all clubs, else the leaders (or, with {@link ClubReach#MEMBERS}, everyone) of the clubs it
     * names, except those who opted out of their own clubs' notices; the departments and the people it
     * concerns directly, whatever their subscriptions. Each recipient once.
     *
     * @param clubs            the clubs it reaches as the directory knows them: every current club if
     *                         {@link #allClubs}, else those of {@link #clubIds} it knows
     * @param optedOutOfOwnClubs asked only if some club member or leader is reached
     */
    public Set<String> recipients(Set<String> subscribers, List<KnownClub> clubs, Supplier<Set<String>> optedOutOfOwnClubs) {
        Set<String> recipients = new LinkedHashSet<>(subscribers);
        Set<String> inClubs = new LinkedHashSet<>();
        if (allClubs) {
            clubs.forEach(club -> inClubs.addAll(club.leaders()));
        } else if (clubIds != null) {
            Function<KnownClub, List<String>> reached = clubReach == ClubReach.MEMBERS ? KnownClub::everyone : KnownClub::leaders;
            clubs.stream().map(reached).forEach(inClubs::addAll);
        }
        if (!inClubs.isEmpty()) {
            Set<String> optedOut = optedOutOfOwnClubs.get();
            inClubs.stream().map(RecipientIds::person).filter(p -> !optedOut.contains(p)).forEach(recipients::add);
        }
        departments.stream().map(RecipientIds::department).forEach(recipients::add);
        if (persons != null) {
            persons.stream().map(RecipientIds::person).forEach(recipients::add);
        }
        return recipients;
    }

    /** The clubs it names that are not among {@code knownClubIds} (none if it is about all clubs). */
    public List<String> missingClubs(Collection<String> knownClubIds) {
        if (allClubs || clubIds == null || clubIds.isEmpty()) {
            return List.of();
        }
        return clubIds.stream().distinct().filter(id -> !knownClubIds.contains(id)).toList();
    }

    /** The same notice, also for {@code more} people (each still gets it once). */
    public Routed alsoFor(List<String> more) {
        List<String> all = new java.util.ArrayList<>(persons == null ? List.of() : persons);
        more.stream().filter(p -> !all.contains(p)).forEach(all::add);
        return new Routed(cause, kind, title, body, subjectRef, clubIds, List.copyOf(all), allClubs, clubReach, departments);
    }
}
