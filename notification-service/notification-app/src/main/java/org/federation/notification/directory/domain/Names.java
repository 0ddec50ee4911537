package org.federation.notification.directory.domain;




import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;


/**
 * Clubs and people by name, for notices written for people: from the directory of clubs kept from
 * {@code club.events} and the people seen signing in. What is not known yet is said neutrally
 * ("a club", "a student"), never by its id: an id means nothing to a reader.
 */
public class Names {

    public static final String SOME_CLUB = "a club";
    public static final String SOME_STUDENT = "a student";

    /** ids → names of those known (with a name); the others left out. */
    private final Function<Collection<String>, Map<String, String>> clubNames;
    private final Function<Collection<String>, Map<String, String>> personNames;

    /** Names as the directory knows them: clubs from their snapshots, people from their tokens. */
    public static Names of(KnownClubs clubs, KnownPeople people) {
        return new Names(ids -> clubs.findAll(List.copyOf(ids)).stream().filter(c -> c.name() != null && !c.name().isBlank())
                        .collect(Collectors.toMap(KnownClub::id, KnownClub::name, (a, b) -> a)),
                numbers -> people.findAll(numbers).values().stream().filter(p -> p.name() != null && !p.name().isBlank())
                        .collect(Collectors.toMap(Person::id, Person::name, (a, b) -> a)));
    }

    private Names(Function<Collection<String>, Map<String, String>> clubNames,
                  Function<Collection<String>, Map<String, String>> personNames) {
        this.clubNames = clubNames;
        this.personNames = personNames;
    }

    /** Names from fixed tables (club id → name, student number → name), e.g. to render a notice offline. */
    public static Names of(Map<String, String> clubs, Map<String, String> people) {
        return new Names(ids -> known(clubs, ids), numbers -> known(people, numbers));
    }

    private static Map<String, String> known(Map<String, String> table, Collection<String> ids) {
        return ids.stream().filter(table::containsKey).distinct().collect(Collectors.toMap(id -> id, table::get));
    }

    /** The club's name, or "a club". */
    public String club(String clubId) {
        return clubId == null || clubId.isBlank() ? SOME_CLUB : clubNames.apply(List.of(clubId)).getOrDefault(clubId, SOME_CLUB);
    }

    /** The clubs' names joined for a sentence ("A, B and C"); the unknown ones counted, never listed by id. */
    public String clubs(Collection<String> clubIds) {
        if (clubIds == null || clubIds.isEmpty()) {
            return SOME_CLUB;
        }
        List<String> distinct = clubIds.stream().distinct().toList();
        Map<String, String> known = clubNames.apply(distinct);
        List<String> parts = new ArrayList<>(distinct.stream().filter(known::containsKey).map(known::get).toList());
        long unknown = distinct.size() - parts.size();
        if (unknown > 0) {
            parts.add(parts.isEmpty() ? (unknown == 1 ? SOME_CLUB : unknown + " clubs")
                    : unknown == 1 ? "another club" : unknown + " other clubs");
        }
        return sentence(parts);
    }

    /** The person's name as their token said it, or "a student". */
    public String person(String studentNumber) {
        return studentNumber == null || studentNumber.isBlank() ? SOME_STUDENT
                : personNames.apply(List.of(studentNumber)).getOrDefault(studentNumber, SOME_STUDENT);
    }

    /** The people's names joined for a sentence; those not seen yet counted, never listed by number. */
    public String people(Collection<String> studentNumbers) {
        if (studentNumbers == null || studentNumbers.isEmpty()) {
            return "nobody";
        }
        List<String> distinct = studentNumbers.stream().distinct().toList();
        Map<String, String> known = personNames.apply(distinct);
        List<String> parts = new ArrayList<>(distinct.stream().filter(known::containsKey).map(known::get).toList());
        long unknown = distinct.size() - parts.size();
        if (unknown > 0) {
            parts.add(parts.isEmpty() ? (unknown == 1 ? "one person" : unknown + " people") : unknown + " more");
        }
        return sentence(parts);
    }

    /** "A", "A and B", "A, B and C". */
    public static String sentence(List<String> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
